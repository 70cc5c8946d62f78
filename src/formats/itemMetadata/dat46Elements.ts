/** How a metadata value is typed (DA/T 46-2009 数据类型). */
export type MetadataValueType = 'text' | 'gYear' | 'date' | 'positiveInteger' | 'nonNegativeInteger';

/** A value domain: a fixed list, or a domain read by a model parser. */
export type MetadataDomain = readonly string[] | 'retentionPeriod' | 'securityClassification';

/** One DA/T 46-2009 element the dat93 validator reads from 文件实体. */
export interface MetadataElementRule {
  /** Path below 文件实体, `/`-separated, as DA/T 46 / DA/T 48 spell it. */
  readonly path: string;
  /** Where the value lands in {@link ItemMetadata}: `<group>.<field>` or a top-level field. */
  readonly field: string;
  /** DA/T 46-2009 element number. */
  readonly m: string;
  /** 必选 and non-empty (DA/T 70-2018 GD-2-3, GD-2-4). */
  readonly required: boolean;
  /** Data type (GD-1-3). */
  readonly type: MetadataValueType;
  /** Value domain (GD-1-4). */
  readonly domain?: MetadataDomain;
  /** Longest value in characters (GD-1-2); *inferred*, hence a warning by default. */
  readonly maxLength: number;
  /** Source of the row. */
  readonly source: string;
}

// DA/T 46-2009 M34 文种 value list (plus [其他]: unknown values are warnings only via severity override).
const DOCUMENT_TYPES = [
  '命令', '令', '决定', '公告', '通告', '通知', '通报', '议案', '报告', '请示', '批复', '意见', '函', '会议纪要', '纪要',
  '指示', '决议', '公报', '条例', '规定', '其他',
] as const;

/**
 * The DA/T 46-2009 elements of 文件实体 that dat93 validation reads, with
 * obligation, type, domain and length (standards-electronic.md §1.2). Lengths
 * are not given by the standard text available to us (*inferred* limits that
 * flag runaway values); domains follow DA/T 46-2009 and the DA/T 48 XSD.
 */
export const dat46ElementRules: readonly MetadataElementRule[] = [
  { path: '聚合层次', field: 'aggregationLevel', m: 'M1', required: false, type: 'text', domain: ['文件', '案卷'], maxLength: 10, source: 'DA/T 46-2009 M1; DA/T 48-2009 (fixed 文件)' },
  { path: '来源/档案馆名称', field: 'provenance.archiveName', m: 'M3', required: false, type: 'text', maxLength: 200, source: 'DA/T 46-2009 M3' },
  { path: '来源/档案馆代码', field: 'provenance.archiveCode', m: 'M4', required: false, type: 'text', maxLength: 50, source: 'DA/T 46-2009 M4' },
  { path: '来源/全宗名称', field: 'provenance.fondsName', m: 'M5', required: false, type: 'text', maxLength: 200, source: 'DA/T 46-2009 M5' },
  { path: '来源/立档单位名称', field: 'provenance.creatingUnit', m: 'M6', required: true, type: 'text', maxLength: 200, source: 'DA/T 46-2009 M6 (必选)' },
  { path: '电子文件号', field: 'recordId', m: 'M7', required: false, type: 'text', maxLength: 100, source: 'DA/T 46-2009 M7' },
  { path: '档号/全宗号', field: 'archivalCode.fondsCode', m: 'M9', required: false, type: 'text', maxLength: 20, source: 'DA/T 46-2009 M9' },
  { path: '档号/目录号', field: 'archivalCode.catalogueNumber', m: 'M10', required: false, type: 'text', maxLength: 20, source: 'DA/T 46-2009 M10' },
  { path: '档号/年度', field: 'archivalCode.year', m: 'M11', required: true, type: 'gYear', maxLength: 4, source: 'DA/T 46-2009 M11 (xs:gYear, 必选)' },
  { path: '档号/保管期限', field: 'archivalCode.retentionPeriod', m: 'M12', required: true, type: 'text', domain: 'retentionPeriod', maxLength: 20, source: 'DA/T 46-2009 M12 (必选)' },
  { path: '档号/机构或问题', field: 'archivalCode.orgCode', m: 'M13', required: false, type: 'text', maxLength: 50, source: 'DA/T 46-2009 M13' },
  { path: '档号/类别号', field: 'archivalCode.classCode', m: 'M14', required: false, type: 'text', maxLength: 20, source: 'DA/T 46-2009 M14' },
  { path: '档号/室编案卷号', field: 'archivalCode.volumeNumber', m: 'M15', required: false, type: 'text', maxLength: 20, source: 'DA/T 46-2009 M15' },
  { path: '档号/馆编案卷号', field: 'archivalCode.archivesVolumeNumber', m: 'M16', required: false, type: 'text', maxLength: 20, source: 'DA/T 46-2009 M16' },
  { path: '档号/室编件号', field: 'archivalCode.itemNumber', m: 'M17', required: false, type: 'positiveInteger', maxLength: 10, source: 'DA/T 46-2009 M17 (xs:positiveInteger)' },
  { path: '档号/馆编件号', field: 'archivalCode.archivesItemNumber', m: 'M18', required: false, type: 'positiveInteger', maxLength: 10, source: 'DA/T 46-2009 M18 (xs:positiveInteger)' },
  { path: '档号/页号', field: 'archivalCode.pageNumber', m: 'M20', required: false, type: 'text', maxLength: 20, source: 'DA/T 46-2009 M20' },
  { path: '内容描述/题名', field: 'description.title', m: 'M22', required: true, type: 'text', maxLength: 500, source: 'DA/T 46-2009 M22 (必选)' },
  { path: '内容描述/并列题名', field: 'description.parallelTitle', m: 'M23', required: false, type: 'text', maxLength: 500, source: 'DA/T 46-2009 M23' },
  { path: '内容描述/副题名', field: 'description.alternativeTitle', m: 'M24', required: false, type: 'text', maxLength: 500, source: 'DA/T 46-2009 M24' },
  { path: '内容描述/说明题名文字', field: 'description.otherTitleInformation', m: 'M25', required: false, type: 'text', maxLength: 500, source: 'DA/T 46-2009 M25' },
  { path: '内容描述/关键词', field: 'description.keyword', m: 'M27', required: false, type: 'text', maxLength: 500, source: 'DA/T 46-2009 M27' },
  { path: '内容描述/人名', field: 'description.personalName', m: 'M28', required: false, type: 'text', maxLength: 500, source: 'DA/T 46-2009 M28' },
  { path: '内容描述/摘要', field: 'description.abstract', m: 'M29', required: false, type: 'text', maxLength: 4000, source: 'DA/T 46-2009 M29' },
  { path: '内容描述/分类号', field: 'description.classNumber', m: 'M30', required: false, type: 'text', maxLength: 50, source: 'DA/T 46-2009 M30' },
  { path: '内容描述/文件编号', field: 'description.documentNumber', m: 'M31', required: false, type: 'text', maxLength: 100, source: 'DA/T 46-2009 M31' },
  { path: '内容描述/责任者', field: 'description.author', m: 'M32', required: true, type: 'text', maxLength: 200, source: 'DA/T 46-2009 M32 (必选)' },
  { path: '内容描述/日期', field: 'description.date', m: 'M33', required: true, type: 'date', maxLength: 10, source: 'DA/T 46-2009 M33 (必选); DA/T 22-2015 §5.5 (8 digits)' },
  { path: '内容描述/文种', field: 'description.documentType', m: 'M34', required: false, type: 'text', domain: DOCUMENT_TYPES, maxLength: 20, source: 'DA/T 46-2009 M34' },
  { path: '内容描述/紧急程度', field: 'description.precedence', m: 'M35', required: false, type: 'text', domain: ['特提', '特急', '加急', '平急', '急件', '其他'], maxLength: 10, source: 'DA/T 46-2009 M35' },
  { path: '内容描述/主送', field: 'description.principalReceiver', m: 'M36', required: false, type: 'text', maxLength: 500, source: 'DA/T 46-2009 M36' },
  { path: '内容描述/抄送', field: 'description.otherReceivers', m: 'M37', required: false, type: 'text', maxLength: 1000, source: 'DA/T 46-2009 M37' },
  { path: '内容描述/密级', field: 'description.securityClassification', m: 'M38', required: true, type: 'text', domain: 'securityClassification', maxLength: 10, source: 'DA/T 46-2009 M38 (必选)' },
  { path: '内容描述/保密期限', field: 'description.secrecyPeriod', m: 'M39', required: false, type: 'text', maxLength: 20, source: 'DA/T 46-2009 M39' },
  { path: '形式特征/文件组合类型', field: 'form.aggregationType', m: 'M41', required: false, type: 'text', domain: ['单件', '组合文件'], maxLength: 10, source: 'DA/T 46-2009 M41; DA/T 48-2009 XSD enumeration' },
  { path: '形式特征/件数', field: 'form.itemCount', m: 'M42', required: false, type: 'nonNegativeInteger', maxLength: 10, source: 'DA/T 46-2009 M42' },
  { path: '形式特征/页数', field: 'form.pageCount', m: 'M43', required: false, type: 'positiveInteger', maxLength: 10, source: 'DA/T 46-2009 M43 (xs:positiveInteger)' },
  { path: '形式特征/语种', field: 'form.language', m: 'M44', required: false, type: 'text', maxLength: 50, source: 'DA/T 46-2009 M44' },
  { path: '形式特征/稿本', field: 'form.manuscriptType', m: 'M45', required: false, type: 'text', domain: ['草稿', '定稿', '正本', '副本', '试行本', '修订本', '其他'], maxLength: 10, source: 'DA/T 46-2009 M45' },
];

/** The 电子属性 (M46) children read per computer file. */
export const computerFileRules = [
  { element: '格式信息', field: 'formatInfo', m: 'M47', required: false, type: 'text', maxLength: 200, source: 'DA/T 46-2009 M47' },
  { element: '计算机文件名', field: 'fileName', m: 'M48', required: true, type: 'text', maxLength: 255, source: 'DA/T 46-2009 M48 (必选)' },
  { element: '计算机文件大小', field: 'fileSize', m: 'M49', required: true, type: 'nonNegativeInteger', maxLength: 20, source: 'DA/T 46-2009 M49 (必选)' },
  { element: '文档创建程序', field: 'creatingApplication', m: 'M50', required: false, type: 'text', maxLength: 200, source: 'DA/T 46-2009 M50' },
] as const satisfies readonly { element: string; field: string; m: string; required: boolean; type: MetadataValueType; maxLength: number; source: string }[];
