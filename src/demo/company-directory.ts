// The demo's company directory, generated in code from a seed: departments as OUs of people, team
// groups nested in department groups, department groups in all-staff, a few role groups (some of them
// nested too) and some contractors in no group. The same seed always gives the same entries, entryUUIDs
// included, so that a reloaded demo directory is the same directory to Rolesync.
import { ldifRecord, type LdifAttribute } from '../embedded/ldif-record.js';
import { rootEntries } from '../embedded/slapd-server.js';
import { seededRandom, seededUuid, type Random } from './seeded-random.js';

export const DEMO_SEED = 20261125;

export interface CompanyUser {
  dn: string;
  uid: string;
  givenName: string;
  sn: string;
  displayName: string;
  title: string;
  mail: string;
  /** The department's name, or "Contractors". */
  department: string;
}

export type CompanyGroupKind = 'department' | 'team' | 'role';

export interface CompanyGroup {
  dn: string;
  cn: string;
  /** The department's or team's name; a role group's cn. */
  displayName: string;
  kind: CompanyGroupKind;
  description: string;
  /** Direct members: user and group DNs. */
  memberDns: string[];
}

export interface CompanyDirectory {
  seed: number;
  organization: string;
  baseDn: string;
  adminDn: string;
  peopleDn: string;
  groupsDn: string;
  /** Department names, in directory order. */
  departments: string[];
  users: CompanyUser[];
  /** Every member group comes before the groups that list it. */
  groups: CompanyGroup[];
}

interface TeamSpec {
  name: string;
  size: number;
  lead: string;
  titles: readonly string[];
}

interface DepartmentSpec {
  name: string;
  head: string;
  teams: readonly TeamSpec[];
}

const ORGANIZATION = 'Acme Robotics';
const BASE_DN = 'dc=acme,dc=example';
const MAIL_DOMAIN = 'acme.example';
const CONTRACTOR_COUNT = 12;

const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: 'Engineering',
    head: 'VP Engineering',
    teams: [
      team(
        'Platform',
        28,
        'Engineering Manager, Platform',
        'Software Engineer|Senior Software Engineer|Site Reliability Engineer|Staff Engineer',
      ),
      team(
        'Web',
        26,
        'Engineering Manager, Web',
        'Frontend Engineer|Senior Frontend Engineer|Full-Stack Engineer',
      ),
      team(
        'Mobile',
        16,
        'Engineering Manager, Mobile',
        'iOS Engineer|Android Engineer|Senior Mobile Engineer',
      ),
      team('Data', 18, 'Head of Data', 'Data Engineer|Data Scientist|Analytics Engineer'),
      team('Quality', 12, 'QA Lead', 'QA Engineer|Test Automation Engineer'),
    ],
  },
  {
    name: 'Product',
    head: 'Chief Product Officer',
    teams: [
      team('Product Management', 10, 'Director of Product', 'Product Manager|Senior Product Manager'),
      team('Design', 10, 'Design Lead', 'Product Designer|UX Researcher|Senior Product Designer'),
    ],
  },
  {
    name: 'Sales',
    head: 'VP Sales',
    teams: [
      team(
        'Sales EMEA',
        22,
        'Sales Director EMEA',
        'Account Executive|Senior Account Executive|Sales Development Representative',
      ),
      team(
        'Sales Americas',
        24,
        'Sales Director Americas',
        'Account Executive|Senior Account Executive|Sales Development Representative',
      ),
      team('Sales Operations', 8, 'Sales Operations Manager', 'Sales Operations Analyst|CRM Administrator'),
    ],
  },
  {
    name: 'Marketing',
    head: 'Chief Marketing Officer',
    teams: [
      team('Brand', 8, 'Brand Manager', 'Content Writer|Graphic Designer|Communications Specialist'),
      team('Growth', 10, 'Head of Growth', 'Growth Marketer|Marketing Analyst|SEO Specialist'),
    ],
  },
  {
    name: 'Customer Success',
    head: 'VP Customer Success',
    teams: [
      team(
        'Support',
        26,
        'Support Manager',
        'Support Engineer|Customer Support Specialist|Senior Support Engineer',
      ),
      team('Onboarding', 9, 'Onboarding Lead', 'Implementation Consultant|Customer Success Manager'),
    ],
  },
  {
    name: 'Finance',
    head: 'Chief Financial Officer',
    teams: [
      team('Accounting', 9, 'Chief Accountant', 'Accountant|Accounts Payable Specialist|Payroll Specialist'),
      team('Controlling', 6, 'Head of Controlling', 'Financial Controller|FP&A Analyst'),
    ],
  },
  {
    name: 'People',
    head: 'Chief People Officer',
    teams: [
      team(
        'Recruiting',
        7,
        'Head of Talent Acquisition',
        'Recruiter|Technical Recruiter|Recruiting Coordinator',
      ),
      team('People Operations', 6, 'People Operations Manager', 'HR Business Partner|HR Generalist'),
    ],
  },
  {
    name: 'IT',
    head: 'Chief Information Officer',
    teams: [
      team(
        'IT Operations',
        9,
        'IT Operations Manager',
        'Systems Administrator|IT Support Specialist|Network Engineer',
      ),
      team('Security', 6, 'Chief Information Security Officer', 'Security Engineer|Security Analyst'),
    ],
  },
  {
    name: 'Legal',
    head: 'General Counsel',
    teams: [
      team('Legal and Compliance', 6, 'Compliance Officer', 'Legal Counsel|Paralegal|Compliance Analyst'),
    ],
  },
];

const GIVEN_NAMES = words(`
  Ada Adam Aisha Alice Amara Amelia André Anna Arjun Ben Carla Chen Chloé Daniel Dana David Diego
  Elena Emil Emma Fatima Felix Grace Hannah Hugo Ines Isabel Ivan Jakub Jana Jonas José Julia Kai
  Kenji Lara Leo Lena Liam Lina Lucas Maja Marco Maria Maya Mei Mia Nadia Nina Noah Olivia Omar
  Oscar Paula Petra Priya Rafael Raj Renée Rosa Sami Sara Sofia Tom Uma Vera Wei Yara Yusuf Zoë Zoltán
`);
const SURNAMES = words(`
  Adams Ahmed Baker Becker Berg Brown Carter Chen Costa Dias Dubois Evans Fischer García Hansen
  Hoffmann Ito Jensen Johnson Kaur Keller Khan Kim Klein Kowalski Larsen Lee Lopez Martin Meyer
  Moreau Müller Nakamura Nguyen Novak Núñez Olsen Patel Petrov Quinn Reyes Rossi Santos Schmidt
  Silva Singh Smith Suzuki Tanaka Taylor Torres Usman Varga Wagner Walsh Weber Williams Young Zhang
`);
const LOCATIONS = ['Berlin', 'London', 'New York', 'Prague', 'Remote'];

/** Streams of the seeded generator, one per kind of choice, so that one change does not shift the rest. */
const STREAM = { names: 1, titles: 2, picks: 3, contacts: 4 } as const;
const UUID_KIND = { user: 1, group: 2 } as const;

/** The whole demo directory for a seed. */
export function generateCompanyDirectory(seed: number = DEMO_SEED): CompanyDirectory {
  const peopleDn = `ou=people,${BASE_DN}`;
  const groupsDn = `ou=groups,${BASE_DN}`;
  const names = new PersonNames(seededRandom(seed, STREAM.names));
  const titles = seededRandom(seed, STREAM.titles);
  const picks = seededRandom(seed, STREAM.picks);
  const users: CompanyUser[] = [];
  const addUser = (department: string, title: string): CompanyUser => {
    const person = names.next();
    const user: CompanyUser = {
      dn: `uid=${person.uid},ou=${department},${peopleDn}`,
      ...person,
      title,
      mail: `${person.uid}@${MAIL_DOMAIN}`,
      department,
    };
    users.push(user);
    return user;
  };
  const groupDn = (cn: string, ou: string): string => `cn=${cn},ou=${ou},${groupsDn}`;

  const teams: CompanyGroup[] = [];
  const departments: CompanyGroup[] = [];
  const heads: CompanyUser[] = [];
  const leads = new Map<string, CompanyUser>();
  const members = new Map<string, CompanyUser[]>();
  for (const department of DEPARTMENTS) {
    const head = addUser(department.name, department.head);
    heads.push(head);
    const teamDns: string[] = [];
    for (const spec of department.teams) {
      const lead = addUser(department.name, spec.lead);
      const teamMembers = [lead];
      for (let i = 1; i < spec.size; i++) {
        teamMembers.push(addUser(department.name, pick(spec.titles, titles)));
      }
      const cn = slug(spec.name);
      leads.set(cn, lead);
      members.set(cn, teamMembers);
      const dn = groupDn(cn, 'teams');
      teamDns.push(dn);
      teams.push({
        dn,
        cn,
        displayName: spec.name,
        kind: 'team',
        description: `${spec.name} team (${department.name})`,
        memberDns: teamMembers.map((user) => user.dn),
      });
    }
    departments.push({
      dn: groupDn(slug(department.name), 'departments'),
      cn: slug(department.name),
      displayName: department.name,
      kind: 'department',
      description: `${department.name} department: its head and teams`,
      memberDns: [head.dn, ...teamDns],
    });
  }
  for (let i = 0; i < CONTRACTOR_COUNT; i++)
    addUser('Contractors', i % 3 === 0 ? 'Contractor' : 'External Consultant');

  const teamDn = (cn: string): string => groupDn(cn, 'teams');
  const departmentDn = (name: string): string => groupDn(slug(name), 'departments');
  const role = (cn: string, description: string, memberDns: string[]): CompanyGroup => ({
    dn: groupDn(cn, 'roles'),
    cn,
    displayName: cn,
    kind: 'role',
    description,
    memberDns,
  });
  const someOf = (cn: string, count: number): string[] =>
    sample(members.get(cn)?.slice(1) ?? [], count, picks).map((user) => user.dn);
  const leadOf = (cn: string): string[] => {
    const lead = leads.get(cn);
    return lead === undefined ? [] : [lead.dn];
  };
  const roles: CompanyGroup[] = [
    role(
      'all-staff',
      'Everyone employed by Acme Robotics',
      departments.map((group) => group.dn),
    ),
    role('app-admins', 'Administrators of the application', [
      ...leadOf('it-operations'),
      ...someOf('platform', 3),
      teamDn('security'),
    ]),
    role('app-auditors', 'Read access to audit trails', [teamDn('controlling'), departmentDn('Legal')]),
    role('vpn-users', 'Remote network access', [
      departmentDn('Engineering'),
      departmentDn('IT'),
      ...someOf('sales-emea', 3),
      ...someOf('sales-americas', 3),
    ]),
    role(
      'release-managers',
      'May approve production releases',
      ['platform', 'web', 'mobile', 'data'].flatMap(leadOf),
    ),
    role(
      'budget-approvers',
      'Approve spending of their department',
      heads.map((head) => head.dn),
    ),
  ];
  return {
    seed,
    organization: ORGANIZATION,
    baseDn: BASE_DN,
    adminDn: `cn=admin,${BASE_DN}`,
    peopleDn,
    groupsDn,
    departments: DEPARTMENTS.map((department) => department.name),
    users,
    groups: [...teams, ...departments, ...roles],
  };
}

/** The directory as LDIF for slapadd: root, OUs, users and groups, with memberOf and entryUUID written in. */
export function renderCompanyLdif(directory: CompanyDirectory, adminPassword: string): string {
  const { seed } = directory;
  const memberOf = new Map<string, string[]>();
  for (const group of directory.groups) {
    for (const member of group.memberDns) memberOf.set(member, [...(memberOf.get(member) ?? []), group.dn]);
  }
  const memberOfOf = (dn: string): LdifAttribute[] =>
    (memberOf.get(dn) ?? []).map((group): LdifAttribute => ['memberOf', group]);
  const ou = (name: string, parent: string): [string, LdifAttribute[]] => [
    `ou=${name},${parent}`,
    [
      ['objectClass', 'organizationalUnit'],
      ['ou', name],
    ],
  ];
  const containers = [
    ou('people', directory.baseDn),
    ...[...directory.departments, 'Contractors'].map((name) => ou(name, directory.peopleDn)),
    ou('groups', directory.baseDn),
    ...['teams', 'departments', 'roles'].map((name) => ou(name, directory.groupsDn)),
  ];
  const phones = seededRandom(seed, STREAM.contacts);
  const users = directory.users.map((user, index): [string, LdifAttribute[]] => [
    user.dn,
    [
      ['objectClass', 'inetOrgPerson'],
      ['uid', user.uid],
      ['cn', user.displayName],
      ['givenName', user.givenName],
      ['sn', user.sn],
      ['displayName', user.displayName],
      ['title', user.title],
      ['ou', user.department],
      ['mail', user.mail],
      ['employeeNumber', String(10_001 + index)],
      ['telephoneNumber', `+44 20 7946 ${String(phones.below(10_000)).padStart(4, '0')}`],
      ['l', pick(LOCATIONS, phones)],
      ['entryUUID', seededUuid(seed, UUID_KIND.user, index)],
      ...memberOfOf(user.dn),
    ],
  ]);
  const groups = directory.groups.map((group, index): [string, LdifAttribute[]] => [
    group.dn,
    [
      ['objectClass', 'groupOfNames'],
      ['cn', group.cn],
      ['description', group.description],
      ...group.memberDns.map((dn): LdifAttribute => ['member', dn]),
      ['entryUUID', seededUuid(seed, UUID_KIND.group, index)],
      ...memberOfOf(group.dn),
    ],
  ]);
  return [
    ...rootEntries(directory.baseDn, directory.adminDn, adminPassword, directory.organization),
    ...containers,
    ...users,
    ...groups,
  ]
    .map(([dn, attributes]) => ldifRecord(dn, attributes))
    .join('');
}

/** First and last names drawn without repeating a login. */
class PersonNames {
  private readonly taken = new Set<string>();
  constructor(private readonly random: Random) {}

  next(): { uid: string; givenName: string; sn: string; displayName: string } {
    const givenName = pick(GIVEN_NAMES, this.random);
    const sn = pick(SURNAMES, this.random);
    const base = `${asciiLogin(givenName)}.${asciiLogin(sn)}`;
    let uid = base;
    for (let n = 2; this.taken.has(uid); n++) uid = `${base}${n}`;
    this.taken.add(uid);
    return { uid, givenName, sn, displayName: `${givenName} ${sn}` };
  }
}

function team(name: string, size: number, lead: string, titles: string): TeamSpec {
  return { name, size, lead, titles: titles.split('|') };
}

/** "José" -> "jose", "Müller" -> "muller": logins and mail stay ASCII. */
function asciiLogin(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function pick<T>(items: readonly T[], random: Random): T {
  const item = items[random.below(items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function sample<T>(items: readonly T[], count: number, random: Random): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(random.below(pool.length), 1));
  return chosen;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}
