// The line under a survey: whom the answers go to, and who runs the form, quietly.
export function SurveyFooter({ text, poweredBy }: { text: string; poweredBy: string }) {
  return (
    <div className="flex flex-col items-center gap-1.5">
      <p className="flex items-center gap-1.5">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
          <rect x="5" y="10.5" width="14" height="9.5" rx="2" />
          <path d="M8.5 10.5V7.5a3.5 3.5 0 0 1 7 0v3" />
        </svg>
        {text}
      </p>
      <p className="opacity-80">{poweredBy}</p>
    </div>
  );
}
