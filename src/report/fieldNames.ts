/**
 * Chinese names of the model's fields (the glossary, /docs and DA/T 22, 46),
 * used where a field is named in a zh-CN message. A name not listed here is
 * shown as it is.
 */
const FIELD_NAMES_ZH: Readonly<Record<string, string>> = {
  action: '业务行为',
  activity: '业务实体',
  activities: '业务实体',
  activityId: '业务标识符',
  agent: '机构人员',
  agents: '机构人员',
  agentId: '机构人员标识符',
  agentName: '机构人员名称',
  agentType: '机构人员类型',
  approver: '审批人',
  archivalCode: '档号',
  archivalCodes: '档号',
  archiveCode: '档案馆代码',
  archiveName: '档案馆名称',
  arrangedBy: '整理人',
  arrangedDate: '整理日期',
  author: '责任者',
  basis: '依据',
  box: '盒',
  boxes: '盒',
  boxNumber: '盒号',
  catalogue: '目录',
  catalogueNumber: '目录号',
  categories: '门类',
  category: '门类',
  categoryCode: '门类代码',
  checkedBy: '检查人',
  checkedDate: '检查日期',
  classCode: '类别号',
  classification: '分类',
  clause: '条款',
  code: '代码',
  confidence: '可信度',
  content: '封装内容',
  createdAt: '封装包创建时间',
  creatingUnit: '立档单位',
  creator: '封装包创建单位',
  date: '日期',
  day: '日',
  description: '内容描述',
  documentNumber: '文号',
  documents: '文档',
  electronicFileName: '电子文件名',
  endDate: '终止日期',
  entries: '条目',
  event: '事件',
  files: '文件',
  first: '起',
  fonds: '全宗',
  fondsCode: '全宗号',
  fondsName: '全宗名称',
  groupNumber: '组号',
  idNumber: '证件号码',
  idType: '证件类型',
  item: '件',
  items: '条目',
  itemCount: '件数',
  itemNumber: '件号',
  itemRange: '起止件号',
  kind: '种类',
  last: '止',
  month: '月',
  months: '月数',
  name: '名称',
  nameEn: '英文名称',
  orgCode: '机构（问题）代码',
  organizationCode: '机构代码',
  pageCount: '页数',
  pageNumber: '页号',
  parent: '上级类目',
  period: '期限',
  position: '职务',
  projectCode: '项目号',
  provenance: '来源',
  purpose: '利用目的',
  record: '文件实体',
  recordId: '文件标识符',
  recordSheet: '备考表',
  remarks: '备注',
  retentionPeriod: '保管期限',
  returnDate: '归还日期',
  secrecyPeriod: '保密期限',
  securityClassification: '密级',
  sequenceNumber: '序号',
  sheetNumber: '张号',
  source: '出处',
  standard: '标准',
  startDate: '起始日期',
  status: '状态',
  time: '时间',
  title: '题名',
  userName: '利用者姓名',
  userUnit: '利用者单位',
  volume: '案卷',
  volumeNumber: '案卷号',
  year: '年度',
  years: '年数',
};

/**
 * A field path in Chinese: each known field by its Chinese name, an index as
 * 第 N 项 (1-based), e.g. `entries.3.date` → `条目第4项的日期`.
 *
 * @param segments - The path, outermost first.
 * @returns The Chinese path, or `（整体）` for an empty path.
 * @example
 * fieldPathZh(['entries', 3, 'date']) //=> '条目第4项的日期'
 */
export function fieldPathZh(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : undefined;
    if (index !== undefined) out += `第${index + 1}项`;
    else out += `${out === '' ? '' : '的'}${FIELD_NAMES_ZH[segment] ?? segment}`;
  }
  return out === '' ? '（整体）' : out;
}
