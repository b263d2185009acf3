// Who the demo contacts are: names from several cultures, and the time zones people
// of each group tend to live in for each account (null = the account's own zone).

export type Culture = { first: string[]; last: string[] };

export const CULTURES = {
  american: {
    first: ['James', 'Mary', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Ethan', 'Sophia', 'Mason', 'Harper', 'Lucas', 'Amelia', 'Logan', 'Evelyn', 'Jackson', 'Abigail', 'Aiden', 'Emily', 'Carter', 'Madison', 'Wyatt', 'Chloe', 'Grace', 'Henry', 'Zoë', 'Claire', 'Owen', 'Riley', 'Nora'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott', "O'Connor", 'McAllister'],
  },
  hispanic: {
    first: ['José', 'María', 'Juan', 'Sofía', 'Carlos', 'Lucía', 'Diego', 'Valentina', 'Mateo', 'Camila', 'Alejandro', 'Isabella', 'Javier', 'Gabriela', 'Miguel', 'Elena', 'Andrés', 'Paula'],
    last: ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Castillo', 'Morales'],
  },
  brazilian: {
    first: ['João', 'Ana', 'Pedro', 'Beatriz', 'Lucas', 'Mariana', 'Gabriel', 'Larissa', 'Rafael', 'Júlia', 'Matheus', 'Camila', 'Thiago', 'Fernanda', 'Gustavo', 'Letícia', 'Bruno', 'Isabela', 'Felipe', 'Amanda', 'Vitória', 'Caio', 'Luíza', 'Rodrigo', 'Renata', 'Eduardo'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Araújo', 'Barbosa', 'Cardoso', 'Nascimento'],
  },
  portuguese: {
    first: ['Tiago', 'Inês', 'Rui', 'Leonor', 'Duarte', 'Matilde', 'Nuno', 'Beatriz', 'Gonçalo', 'Carolina', 'Afonso', 'Madalena'],
    last: ['Fernandes', 'Gonçalves', 'Marques', 'Sousa', 'Pinto', 'Teixeira', 'Mendes', 'Correia', 'Moreira', 'Vieira'],
  },
  indian: {
    first: ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Diya', 'Arjun', 'Kavya', 'Rahul', 'Sneha', 'Aditya', 'Pooja', 'Karthik', 'Lakshmi', 'Sanjay', 'Meera'],
    last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Gupta', 'Nair', 'Singh', 'Mehta', 'Kumar', 'Rao', 'Desai', 'Banerjee'],
  },
  nepali: {
    first: ['Aayush', 'Sita', 'Bibek', 'Sabina', 'Prakash', 'Anjali', 'Suman', 'Pratima', 'Rajesh', 'Srijana', 'Kiran', 'Bishal', 'Asmita', 'Nabin'],
    last: ['Shrestha', 'Gurung', 'Thapa', 'Tamang', 'Adhikari', 'Karki', 'Rai', 'Magar', 'Sherpa', 'Bhattarai', 'Poudel', 'KC'],
  },
  chinese: {
    first: ['Wei', 'Li Na', 'Jun', 'Mei', 'Hao', 'Xin', 'Yan', 'Jing', 'Ming', 'Lan', 'Yu', 'Tao'],
    last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'],
  },
  vietnamese: {
    first: ['Anh', 'Minh', 'Linh', 'Huy', 'Trang', 'Nam', 'Thảo', 'Phúc', 'Quỳnh', 'Tuấn'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'],
  },
  arabic: {
    first: ['Omar', 'Layla', 'Yusuf', 'Fatima', 'Ahmed', 'Noor', 'Karim', 'Amira', 'Hassan', 'Zainab', 'Samir', 'Leila'],
    last: ['Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Farah', 'Aziz', 'Hamdan'],
  },
  westAfrican: {
    first: ['Chinedu', 'Ngozi', 'Kwame', 'Ama', 'Oluwaseun', 'Adaeze', 'Kofi', 'Yaa', 'Emeka', 'Funmilayo'],
    last: ['Okafor', 'Mensah', 'Adeyemi', 'Boateng', 'Okonkwo', 'Owusu', 'Balogun', 'Asante'],
  },
  japanese: {
    first: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Yuto', 'Sakura', 'Kenji', 'Emi'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura'],
  },
  polish: {
    first: ['Jakub', 'Zofia', 'Piotr', 'Anna', 'Tomasz', 'Katarzyna', 'Michał', 'Agnieszka', 'Łukasz', 'Ola'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński'],
  },
} satisfies Record<string, Culture>;

export type CultureName = keyof typeof CULTURES;

/** A share of an account's contacts: their culture and where they live (null = account zone). */
export type Population = { culture: CultureName; weight: number; zones: [string | null, number][] };

const US_SPREAD: [string | null, number][] = [
  ['America/New_York', 40],
  [null, 30],
  ['America/Chicago', 12],
  ['America/Los_Angeles', 12],
  ['America/Denver', 6],
];

export const DEMO_POPULATION: Population[] = [
  { culture: 'american', weight: 40, zones: US_SPREAD },
  { culture: 'hispanic', weight: 15, zones: [['America/New_York', 30], [null, 20], ['America/Los_Angeles', 25], ['America/Chicago', 15], ['America/Denver', 10]] },
  { culture: 'indian', weight: 8, zones: [['Asia/Kolkata', 35], ['America/New_York', 35], [null, 30]] },
  { culture: 'nepali', weight: 4, zones: [['Asia/Kathmandu', 60], ['America/New_York', 25], [null, 15]] },
  { culture: 'chinese', weight: 5, zones: US_SPREAD },
  { culture: 'vietnamese', weight: 3, zones: US_SPREAD },
  { culture: 'arabic', weight: 4, zones: US_SPREAD },
  { culture: 'westAfrican', weight: 5, zones: US_SPREAD },
  { culture: 'japanese', weight: 2, zones: US_SPREAD },
  { culture: 'polish', weight: 3, zones: [['America/Chicago', 40], [null, 40], ['America/New_York', 20]] },
  { culture: 'brazilian', weight: 4, zones: [['America/Sao_Paulo', 55], ['America/New_York', 25], [null, 20]] },
  { culture: 'portuguese', weight: 4, zones: [['Europe/Lisbon', 60], ['America/New_York', 20], [null, 20]] },
];

export const OTHER_POPULATION: Population[] = [
  { culture: 'brazilian', weight: 70, zones: [[null, 45], ['America/Sao_Paulo', 35], ['America/Manaus', 6], ['America/Fortaleza', 7], ['America/Recife', 7]] },
  { culture: 'portuguese', weight: 9, zones: [['Europe/Lisbon', 70], [null, 30]] },
  { culture: 'japanese', weight: 5, zones: [[null, 60], ['America/Sao_Paulo', 40]] },
  { culture: 'arabic', weight: 3, zones: [[null, 60], ['America/Sao_Paulo', 40]] },
  { culture: 'hispanic', weight: 5, zones: [[null, 50], ['America/Sao_Paulo', 30], ['America/New_York', 20]] },
  { culture: 'american', weight: 3, zones: [['America/New_York', 60], [null, 40]] },
  { culture: 'indian', weight: 3, zones: [['Asia/Kolkata', 60], [null, 40]] },
  { culture: 'nepali', weight: 2, zones: [['Asia/Kathmandu', 70], [null, 30]] },
];

/** Area codes for US numbers; every demo number uses the 555 exchange. */
export const US_AREA_CODES = [
  '212', '646', '718', '917', '347', '201', '973', '516', '631', '914', '203', '617', '215', '202', '301', '410',
  '312', '773', '213', '310', '415', '206', '303', '305', '404', '512', '713', '214', '602', '702', '503', '612',
  '615', '704', '919', '407', '813', '614', '317', '216',
];

/** Brazilian area codes (DDD) for mobile numbers (+55 DD 9XXXX-XXXX). */
export const BR_AREA_CODES = ['11', '21', '31', '41', '51', '61', '71', '81', '85', '19', '13', '92'];
