import type { EducationLevel } from './career.model';
import { CareerModel } from './career.model';

/**
 * The 16 career clusters of the National Career Clusters® Framework (Advance CTE, the 16-cluster edition that
 * O*NET OnLine used until 2024). The starter catalog and the cluster filter use these names.
 */
export const CAREER_CLUSTERS = [
  'Agriculture, Food & Natural Resources',
  'Architecture & Construction',
  'Arts, Audio/Video Technology & Communications',
  'Business Management & Administration',
  'Education & Training',
  'Finance',
  'Government & Public Administration',
  'Health Science',
  'Hospitality & Tourism',
  'Human Services',
  'Information Technology',
  'Law, Public Safety, Corrections & Security',
  'Manufacturing',
  'Marketing',
  'Science, Technology, Engineering & Mathematics',
  'Transportation, Distribution & Logistics',
] as const;
export type CareerCluster = (typeof CAREER_CLUSTERS)[number];

/** Cluster and pathway for careers imported without a clusters crosswalk. */
export const UNCLASSIFIED = 'Unclassified';

export interface StarterCareer {
  code: string;
  title: string;
  titleEs: string;
  cluster: CareerCluster;
  pathway: string;
  riasec: string;
  education: EducationLevel;
}

type Row = readonly [code: string, title: string, titleEs: string, pathway: string, riasec: string, education: EducationLevel];

/*
 * Facts only, no wages and no outlook: medianWage and outlook are null for every starter entry because we did
 * not want to ship numbers we could not check against their source (BLS OES / Employment Projections). A district
 * can add them later; the O*NET importer never overwrites them.
 *
 * - code and title: O*NET-SOC 2019 taxonomy (the one O*NET 25.1 onwards uses).
 * - cluster and pathway: the 16-cluster framework above, placed by us where an occupation fits several.
 * - riasec: the occupation's O*NET interest high-point code as we know it from O*NET OnLine. These were NOT
 *   re-verified entry by entry against the current O*NET Interests file (O*NET revised interest profiles in
 *   2023-2024); `npm run import:careers -- DIR` replaces them with the values of the release you import.
 * - education: the BLS "typical entry-level education" mapped to EDUCATION_LEVELS: "no formal educational
 *   credential" and "high school diploma" -> high_school; "postsecondary nondegree award" -> certificate.
 * - titleEs: our translation for Spanish-speaking students, not an official title.
 */
const CATALOG: Record<CareerCluster, readonly Row[]> = {
  'Agriculture, Food & Natural Resources': [
    ['11-9013.00', 'Farmers, Ranchers, and Other Agricultural Managers', 'Agricultores, ganaderos y otros administradores agrícolas', 'Agribusiness Systems', 'REC', 'high_school'],
    ['29-1131.00', 'Veterinarians', 'Veterinarios', 'Animal Systems', 'IR', 'doctoral'],
    ['19-4012.00', 'Agricultural Technicians', 'Técnicos agrícolas', 'Plant Systems', 'RIC', 'associate'],
    ['19-1031.00', 'Conservation Scientists', 'Científicos de conservación', 'Natural Resources Systems', 'RIE', 'bachelor'],
    ['19-1012.00', 'Food Scientists and Technologists', 'Científicos y tecnólogos de alimentos', 'Food Products & Processing Systems', 'IRC', 'bachelor'],
  ],
  'Architecture & Construction': [
    ['47-2111.00', 'Electricians', 'Electricistas', 'Construction', 'RIC', 'high_school'],
    ['47-2152.00', 'Plumbers, Pipefitters, and Steamfitters', 'Plomeros y tuberos', 'Construction', 'RC', 'high_school'],
    ['47-2031.00', 'Carpenters', 'Carpinteros', 'Construction', 'RC', 'high_school'],
    ['17-1011.00', 'Architects, Except Landscape and Naval', 'Arquitectos', 'Design/Pre-Construction', 'AI', 'bachelor'],
    ['11-9021.00', 'Construction Managers', 'Gerentes de construcción', 'Construction', 'ERC', 'bachelor'],
    ['49-9021.00', 'Heating, Air Conditioning, and Refrigeration Mechanics and Installers', 'Mecánicos e instaladores de calefacción, aire acondicionado y refrigeración', 'Maintenance/Operations', 'RC', 'certificate'],
  ],
  'Arts, Audio/Video Technology & Communications': [
    ['27-1024.00', 'Graphic Designers', 'Diseñadores gráficos', 'Visual Arts', 'AER', 'bachelor'],
    ['27-3023.00', 'News Analysts, Reporters, and Journalists', 'Analistas de noticias, reporteros y periodistas', 'Journalism & Broadcasting', 'AE', 'bachelor'],
    ['27-4011.00', 'Audio and Video Technicians', 'Técnicos de audio y video', 'A/V Technology & Film', 'RA', 'certificate'],
    ['27-2012.00', 'Producers and Directors', 'Productores y directores', 'A/V Technology & Film', 'EA', 'bachelor'],
    ['27-4021.00', 'Photographers', 'Fotógrafos', 'Visual Arts', 'AR', 'high_school'],
    ['27-1025.00', 'Interior Designers', 'Diseñadores de interiores', 'Visual Arts', 'AE', 'bachelor'],
  ],
  'Business Management & Administration': [
    ['11-1021.00', 'General and Operations Managers', 'Gerentes generales y de operaciones', 'General Management', 'EC', 'bachelor'],
    ['13-1071.00', 'Human Resources Specialists', 'Especialistas en recursos humanos', 'Human Resources Management', 'ESC', 'bachelor'],
    ['43-6014.00', 'Secretaries and Administrative Assistants, Except Legal, Medical, and Executive', 'Secretarios y asistentes administrativos', 'Administrative Support', 'CE', 'high_school'],
    ['13-1111.00', 'Management Analysts', 'Analistas de gestión empresarial', 'General Management', 'EIC', 'bachelor'],
    ['13-1082.00', 'Project Management Specialists', 'Especialistas en gestión de proyectos', 'Operations Management', 'EC', 'bachelor'],
  ],
  'Education & Training': [
    ['25-2021.00', 'Elementary School Teachers, Except Special Education', 'Maestros de escuela primaria', 'Teaching/Training', 'SA', 'bachelor'],
    ['25-2031.00', 'Secondary School Teachers, Except Special and Career/Technical Education', 'Maestros de escuela secundaria y preparatoria', 'Teaching/Training', 'SAE', 'bachelor'],
    ['25-2011.00', 'Preschool Teachers, Except Special Education', 'Maestros de preescolar', 'Teaching/Training', 'SA', 'associate'],
    ['21-1012.00', 'Educational, Guidance, and Career Counselors and Advisors', 'Consejeros educativos, de orientación y de carrera', 'Professional Support Services', 'SE', 'master'],
    ['25-4022.00', 'Librarians and Media Collections Specialists', 'Bibliotecarios y especialistas en colecciones', 'Professional Support Services', 'CS', 'master'],
    ['11-9032.00', 'Education Administrators, Kindergarten through Secondary', 'Administradores escolares, de kínder a preparatoria', 'Administration & Administrative Support', 'ES', 'master'],
  ],
  Finance: [
    ['13-2011.00', 'Accountants and Auditors', 'Contadores y auditores', 'Accounting', 'CEI', 'bachelor'],
    ['43-3071.00', 'Tellers', 'Cajeros de banco', 'Banking Services', 'CE', 'high_school'],
    ['13-2052.00', 'Personal Financial Advisors', 'Asesores financieros personales', 'Securities & Investments', 'ECS', 'bachelor'],
    ['41-3021.00', 'Insurance Sales Agents', 'Agentes de ventas de seguros', 'Insurance', 'EC', 'high_school'],
    ['13-2041.00', 'Credit Analysts', 'Analistas de crédito', 'Banking Services', 'CE', 'bachelor'],
  ],
  'Government & Public Administration': [
    ['11-1031.00', 'Legislators', 'Legisladores', 'Governance', 'ES', 'bachelor'],
    ['13-1041.00', 'Compliance Officers', 'Oficiales de cumplimiento normativo', 'Regulation', 'CE', 'bachelor'],
    ['19-3051.00', 'Urban and Regional Planners', 'Urbanistas y planificadores regionales', 'Planning', 'EI', 'master'],
    ['13-2081.00', 'Tax Examiners and Collectors, and Revenue Agents', 'Inspectores y recaudadores de impuestos', 'Revenue & Taxation', 'CE', 'bachelor'],
    ['43-4031.00', 'Court, Municipal, and License Clerks', 'Secretarios de tribunales, municipios y licencias', 'Public Management & Administration', 'CE', 'high_school'],
  ],
  'Health Science': [
    ['29-1141.00', 'Registered Nurses', 'Enfermeros titulados', 'Therapeutic Services', 'SIC', 'bachelor'],
    ['29-1292.00', 'Dental Hygienists', 'Higienistas dentales', 'Therapeutic Services', 'SRC', 'associate'],
    ['29-2034.00', 'Radiologic Technologists and Technicians', 'Tecnólogos y técnicos en radiología', 'Diagnostic Services', 'RSI', 'associate'],
    ['29-1071.00', 'Physician Assistants', 'Asociados médicos (PA)', 'Therapeutic Services', 'SI', 'master'],
    ['29-1123.00', 'Physical Therapists', 'Fisioterapeutas', 'Therapeutic Services', 'SIR', 'doctoral'],
    ['29-2052.00', 'Pharmacy Technicians', 'Técnicos de farmacia', 'Therapeutic Services', 'CR', 'high_school'],
    ['31-9092.00', 'Medical Assistants', 'Asistentes médicos', 'Therapeutic Services', 'SC', 'certificate'],
    ['29-2072.00', 'Medical Records Specialists', 'Especialistas en expedientes médicos', 'Health Informatics', 'CE', 'certificate'],
  ],
  'Hospitality & Tourism': [
    ['35-1011.00', 'Chefs and Head Cooks', 'Chefs y jefes de cocina', 'Restaurants & Food/Beverage Services', 'EAR', 'high_school'],
    ['11-9081.00', 'Lodging Managers', 'Gerentes de hoteles y hospedaje', 'Lodging', 'EC', 'high_school'],
    ['13-1121.00', 'Meeting, Convention, and Event Planners', 'Organizadores de reuniones, convenciones y eventos', 'Recreation, Amusements & Attractions', 'ECS', 'bachelor'],
    ['39-7011.00', 'Tour and Travel Guides', 'Guías de turismo', 'Travel & Tourism', 'ES', 'high_school'],
  ],
  'Human Services': [
    ['21-1021.00', 'Child, Family, and School Social Workers', 'Trabajadores sociales de niños, familias y escuelas', 'Family & Community Services', 'SI', 'bachelor'],
    ['21-1014.00', 'Mental Health Counselors', 'Consejeros de salud mental', 'Counseling & Mental Health Services', 'SIA', 'master'],
    ['39-5012.00', 'Hairdressers, Hairstylists, and Cosmetologists', 'Peluqueros, estilistas y cosmetólogos', 'Personal Care Services', 'ASE', 'certificate'],
    ['39-9011.00', 'Childcare Workers', 'Trabajadores de cuidado infantil', 'Early Childhood Development & Services', 'SA', 'high_school'],
    ['39-4031.00', 'Morticians, Undertakers, and Funeral Arrangers', 'Directores de funerarias', 'Consumer Services', 'ES', 'associate'],
  ],
  'Information Technology': [
    ['15-1252.00', 'Software Developers', 'Desarrolladores de software', 'Programming & Software Development', 'ICR', 'bachelor'],
    ['15-1254.00', 'Web Developers', 'Desarrolladores web', 'Web & Digital Communications', 'ICA', 'bachelor'],
    ['15-1244.00', 'Network and Computer Systems Administrators', 'Administradores de redes y sistemas informáticos', 'Network Systems', 'ICR', 'bachelor'],
    ['15-1212.00', 'Information Security Analysts', 'Analistas de seguridad de la información', 'Network Systems', 'CIR', 'bachelor'],
    ['15-1232.00', 'Computer User Support Specialists', 'Especialistas en soporte técnico a usuarios', 'Information Support & Services', 'RCI', 'certificate'],
  ],
  'Law, Public Safety, Corrections & Security': [
    ['23-1011.00', 'Lawyers', 'Abogados', 'Legal Services', 'EI', 'doctoral'],
    ['23-2011.00', 'Paralegals and Legal Assistants', 'Asistentes legales (paralegales)', 'Legal Services', 'CE', 'associate'],
    ['33-3051.01', 'Police Patrol Officers', 'Policías de patrulla', 'Law Enforcement Services', 'RES', 'high_school'],
    ['33-2011.00', 'Firefighters', 'Bomberos', 'Emergency & Fire Management Services', 'RSE', 'certificate'],
    ['29-2042.00', 'Emergency Medical Technicians', 'Técnicos en emergencias médicas', 'Emergency & Fire Management Services', 'SR', 'certificate'],
    ['33-3012.00', 'Correctional Officers and Jailers', 'Oficiales correccionales', 'Correction Services', 'RE', 'high_school'],
  ],
  Manufacturing: [
    ['51-4121.00', 'Welders, Cutters, Solderers, and Brazers', 'Soldadores y cortadores de metal', 'Production', 'RC', 'high_school'],
    ['51-4041.00', 'Machinists', 'Maquinistas', 'Production', 'RCI', 'high_school'],
    ['49-9041.00', 'Industrial Machinery Mechanics', 'Mecánicos de maquinaria industrial', 'Maintenance, Installation & Repair', 'RCI', 'high_school'],
    ['51-9061.00', 'Inspectors, Testers, Sorters, Samplers, and Weighers', 'Inspectores y probadores de calidad', 'Quality Assurance', 'CR', 'high_school'],
    ['17-3026.00', 'Industrial Engineering Technologists and Technicians', 'Tecnólogos y técnicos en ingeniería industrial', 'Manufacturing Production Process Development', 'RCI', 'associate'],
  ],
  Marketing: [
    ['11-2021.00', 'Marketing Managers', 'Gerentes de mercadotecnia', 'Marketing Management', 'EC', 'bachelor'],
    ['13-1161.00', 'Market Research Analysts and Marketing Specialists', 'Analistas de investigación de mercados', 'Marketing Research', 'IEC', 'bachelor'],
    ['27-3031.00', 'Public Relations Specialists', 'Especialistas en relaciones públicas', 'Marketing Communications', 'EAS', 'bachelor'],
    ['41-2031.00', 'Retail Salespersons', 'Vendedores de tienda', 'Professional Sales', 'EC', 'high_school'],
    ['41-4012.00', 'Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products', 'Representantes de ventas al por mayor y de fabricantes', 'Professional Sales', 'EC', 'high_school'],
  ],
  'Science, Technology, Engineering & Mathematics': [
    ['17-2051.00', 'Civil Engineers', 'Ingenieros civiles', 'Engineering & Technology', 'RIC', 'bachelor'],
    ['17-2141.00', 'Mechanical Engineers', 'Ingenieros mecánicos', 'Engineering & Technology', 'RIC', 'bachelor'],
    ['17-2071.00', 'Electrical Engineers', 'Ingenieros eléctricos', 'Engineering & Technology', 'IRC', 'bachelor'],
    ['17-3023.00', 'Electrical and Electronic Engineering Technologists and Technicians', 'Tecnólogos y técnicos en ingeniería eléctrica y electrónica', 'Engineering & Technology', 'RIC', 'associate'],
    ['19-2031.00', 'Chemists', 'Químicos', 'Science & Mathematics', 'IRC', 'bachelor'],
    ['19-2041.00', 'Environmental Scientists and Specialists, Including Health', 'Científicos y especialistas ambientales', 'Science & Mathematics', 'IRC', 'bachelor'],
    ['15-2041.00', 'Statisticians', 'Estadísticos', 'Science & Mathematics', 'CI', 'master'],
    ['15-2051.00', 'Data Scientists', 'Científicos de datos', 'Science & Mathematics', 'ICE', 'bachelor'],
  ],
  'Transportation, Distribution & Logistics': [
    ['53-3032.00', 'Heavy and Tractor-Trailer Truck Drivers', 'Conductores de camiones pesados y tráileres', 'Transportation Operations', 'RC', 'certificate'],
    ['49-3023.00', 'Automotive Service Technicians and Mechanics', 'Técnicos y mecánicos automotrices', 'Facility & Mobile Equipment Maintenance', 'RC', 'certificate'],
    ['53-2011.00', 'Airline Pilots, Copilots, and Flight Engineers', 'Pilotos y copilotos de aerolínea', 'Transportation Operations', 'RIE', 'bachelor'],
    ['49-3011.00', 'Aircraft Mechanics and Service Technicians', 'Mecánicos y técnicos de aviones', 'Facility & Mobile Equipment Maintenance', 'RCI', 'certificate'],
    ['13-1081.00', 'Logisticians', 'Especialistas en logística', 'Logistics Planning & Management Services', 'CE', 'bachelor'],
    ['53-7062.00', 'Laborers and Freight, Stock, and Material Movers, Hand', 'Cargadores y movilizadores de mercancía', 'Warehousing & Distribution Center Operations', 'RC', 'high_school'],
  ],
};

/** The built-in catalog, so a fresh install can explore careers without an O*NET import. */
export const STARTER_CATALOG: readonly StarterCareer[] = CAREER_CLUSTERS.flatMap((cluster) =>
  CATALOG[cluster].map(([code, title, titleEs, pathway, riasec, education]) => ({ code, title, titleEs, cluster, pathway, riasec, education })),
);

/**
 * Seeds the starter catalog when the careers collection is empty; returns how many careers it added (0 when the
 * collection already had careers). Safe to call at every start-up and concurrently: each career is an upsert on
 * its unique code that only writes on insert, so nothing already there is changed.
 */
export async function ensureStarterCatalog(): Promise<number> {
  if ((await CareerModel.estimatedDocumentCount().exec()) > 0) return 0;
  const result = await CareerModel.bulkWrite(
    STARTER_CATALOG.map((c) => ({
      updateOne: {
        filter: { code: c.code },
        update: { $setOnInsert: { ...c, jobZone: null, medianWage: null, outlook: null, description: null, source: 'starter' } },
        upsert: true,
      },
    })),
    { ordered: false },
  );
  return result.upsertedCount;
}
