export * from './accounts';
export * from './automations';
export * from './campaigns';
export * from './contacts';
export * from './messaging';
export * from './sim';
export * from './stats';
export * from './surveys';
