/**
 * The EEP tree as data: each container element's children with their
 * cardinality and, where DA/T 46-2009 numbers the element, its M-number.
 * Rebuilt from the DA/T 48-2009 附录A schema as standards-electronic.md §2.2
 * gives it (the vendor copy's gaps fixed: 类别号 kept in the 档号 sequence).
 *
 * @module
 */

/** One child slot of a container: name, cardinality, DA/T 46 M-number. */
export interface EepChildRule {
  readonly name: string;
  readonly min: number;
  /** `Infinity` for unbounded. */
  readonly max: number;
  /** DA/T 46-2009 element number (`M22`), when the element is a DA/T 46 item. */
  readonly m?: string;
}

/** A container element's content model. */
export interface EepContentModel {
  readonly children: readonly EepChildRule[];
  /** Where the model comes from. */
  readonly source: string;
}

const ONE = { min: 1, max: 1 } as const;
const OPT = { min: 0, max: 1 } as const;
const MANY = { min: 0, max: Infinity } as const;
const SOME = { min: 1, max: Infinity } as const;
const ANNEX_A = 'DA/T 48-2009 附录A';
const DAT46 = 'DA/T 46-2009 §1.2 表 / DA/T 48-2009 附录A';

const contentBlocks: readonly EepChildRule[] = [
  { name: '文件实体块', ...ONE },
  { name: '业务实体块', ...ONE },
  { name: '机构人员实体块', ...ONE },
];
const relation = (subject: string, object: string): readonly EepChildRule[] => [
  { name: subject, ...ONE },
  { name: object, ...ONE },
  { name: '关系类型', ...OPT, m: 'M86' },
  { name: '关系', ...OPT, m: 'M87' },
  { name: '关系描述', ...OPT, m: 'M88' },
];
const signature = (idElement: string): readonly EepChildRule[] => [
  { name: idElement, ...ONE },
  { name: '签名规则', ...ONE, m: 'M58' },
  { name: '签名时间', ...OPT, m: 'M59' },
  { name: '签名人', ...OPT, m: 'M60' },
  { name: '签名结果', ...ONE, m: 'M61' },
  { name: '证书块', ...SOME },
  { name: '签名算法标识', ...ONE, m: 'M64' },
];

/** Content models by container name (DA/T 48-2009 附录A; M-numbers DA/T 46-2009). */
export const EEP_CONTENT_MODELS: Readonly<Record<string, EepContentModel>> = {
  电子文件封装包: {
    source: ANNEX_A,
    children: [
      { name: '封装包格式描述', ...ONE },
      { name: '版本', ...ONE },
      { name: '被签名对象', ...ONE },
      { name: '电子签名块', ...OPT },
      { name: '锁定签名', ...OPT },
    ],
  },
  被签名对象: {
    source: ANNEX_A,
    // 封装内容 | 修改封装内容 is a choice: checked against 封装包类型 by the package rules.
    children: [
      { name: '封装包类型', ...ONE },
      { name: '封装包类型描述', ...ONE },
      { name: '封装包创建时间', ...ONE },
      { name: '封装包创建单位', ...ONE },
      { name: '封装内容', ...OPT },
      { name: '修改封装内容', ...OPT },
    ],
  },
  封装内容: { source: ANNEX_A, children: contentBlocks },
  修订内容: { source: ANNEX_A, children: contentBlocks },
  修改封装内容: {
    source: ANNEX_A,
    children: [
      { name: '修改标识符', ...ONE },
      { name: '原封装包', ...ONE },
      { name: '修订内容', ...ONE },
    ],
  },
  原封装包: { source: ANNEX_A, children: [{ name: '被签名对象', ...ONE }, { name: '电子签名块', ...OPT }] },
  文件实体块: { source: ANNEX_A, children: [{ name: '文件实体', ...ONE }, { name: '文件实体关系', ...MANY }] },
  文件实体: {
    source: DAT46,
    children: [
      { name: '聚合层次', ...ONE, m: 'M1' },
      { name: '来源', ...ONE, m: 'M2' },
      { name: '电子文件号', ...ONE, m: 'M7' },
      { name: '档号', ...ONE, m: 'M8' },
      { name: '内容描述', ...ONE, m: 'M21' },
      { name: '形式特征', ...ONE, m: 'M40' },
      { name: '存储位置', ...ONE, m: 'M65' },
      { name: '权限管理', ...ONE, m: 'M70' },
      { name: '信息系统描述', ...MANY, m: 'M51' },
      { name: '附注', ...MANY, m: 'M75' },
      { name: '文件数据', ...ONE },
    ],
  },
  来源: {
    source: DAT46,
    children: [
      { name: '档案馆名称', ...OPT, m: 'M3' },
      { name: '档案馆代码', ...OPT, m: 'M4' },
      { name: '全宗名称', ...OPT, m: 'M5' },
      { name: '立档单位名称', ...ONE, m: 'M6' },
    ],
  },
  档号: {
    source: DAT46,
    // 室编件号 | 馆编件号: at least one is required (checked by the package rules).
    children: [
      { name: '全宗号', ...OPT, m: 'M9' },
      { name: '目录号', ...OPT, m: 'M10' },
      { name: '年度', ...ONE, m: 'M11' },
      { name: '保管期限', ...ONE, m: 'M12' },
      { name: '机构或问题', ...OPT, m: 'M13' },
      { name: '类别号', ...OPT, m: 'M14' },
      { name: '室编案卷号', ...OPT, m: 'M15' },
      { name: '馆编案卷号', ...OPT, m: 'M16' },
      { name: '室编件号', ...OPT, m: 'M17' },
      { name: '馆编件号', ...OPT, m: 'M18' },
      { name: '页号', ...OPT, m: 'M20' },
    ],
  },
  内容描述: {
    source: DAT46,
    children: [
      { name: '题名', ...ONE, m: 'M22' },
      { name: '并列题名', ...OPT, m: 'M23' },
      { name: '副题名', ...OPT, m: 'M24' },
      { name: '说明题名文字', ...OPT, m: 'M25' },
      { name: '主题词', ...MANY, m: 'M26' },
      { name: '关键词', ...OPT, m: 'M27' },
      { name: '人名', ...OPT, m: 'M28' },
      { name: '摘要', ...OPT, m: 'M29' },
      { name: '分类号', ...OPT, m: 'M30' },
      { name: '文件编号', ...OPT, m: 'M31' },
      { name: '责任者', ...ONE, m: 'M32' },
      { name: '日期', ...ONE, m: 'M33' },
      { name: '文种', ...OPT, m: 'M34' },
      { name: '紧急程度', ...OPT, m: 'M35' },
      { name: '主送', ...OPT, m: 'M36' },
      { name: '抄送', ...OPT, m: 'M37' },
      { name: '密级', ...ONE, m: 'M38' },
      { name: '保密期限', ...OPT, m: 'M39' },
    ],
  },
  形式特征: {
    source: DAT46,
    children: [
      { name: '文件组合类型', ...ONE, m: 'M41' },
      { name: '页数', ...OPT, m: 'M43' },
      { name: '语种', ...OPT, m: 'M44' },
      { name: '稿本', ...OPT, m: 'M45' },
    ],
  },
  存储位置: {
    source: DAT46,
    children: [
      { name: '当前位置', ...OPT, m: 'M66' },
      { name: '脱机载体编号', ...SOME, m: 'M67' },
      { name: '脱机载体存址', ...MANY, m: 'M68' },
      { name: '缩微号', ...OPT, m: 'M69' },
    ],
  },
  权限管理: {
    source: DAT46,
    children: [
      { name: '知识产权说明', ...OPT, m: 'M71' },
      { name: '授权', ...MANY },
      { name: '控制标识', ...OPT, m: 'M74' },
    ],
  },
  授权: { source: DAT46, children: [{ name: '授权对象', ...ONE, m: 'M72' }, { name: '授权行为', ...ONE, m: 'M73' }] },
  文件数据: { source: ANNEX_A, children: [{ name: '文档', ...SOME }] },
  文档: {
    source: ANNEX_A,
    children: [
      { name: '文档标识符', ...ONE },
      { name: '文档序号', ...OPT, m: 'M19' },
      { name: '文档主从声明', ...OPT },
      { name: '题名', ...OPT },
      { name: '文档数据', ...SOME },
    ],
  },
  文档数据: { source: ANNEX_A, children: [{ name: '编码', ...SOME }] },
  编码: {
    source: ANNEX_A,
    children: [
      { name: '电子属性', ...ONE, m: 'M46' },
      { name: '数字化属性', ...OPT, m: 'M52' },
      { name: '编码描述', ...ONE },
      { name: '反编码关键字', ...ONE },
      { name: '编码数据', ...ONE },
    ],
  },
  电子属性: {
    source: DAT46,
    children: [
      { name: '格式信息', ...OPT, m: 'M47' },
      { name: '计算机文件名', ...ONE, m: 'M48' },
      { name: '计算机文件大小', ...ONE, m: 'M49' },
      { name: '文档创建程序', ...OPT, m: 'M50' },
    ],
  },
  数字化属性: {
    source: DAT46,
    children: [
      { name: '数字化对象形态', ...OPT, m: 'M53' },
      { name: '扫描分辨率', ...ONE, m: 'M54' },
      { name: '扫描色彩模式', ...ONE, m: 'M55' },
      { name: '图像压缩方案', ...OPT, m: 'M56' },
    ],
  },
  文件实体关系: { source: ANNEX_A, children: relation('文件标识符', '被关联文件标识符') },
  业务实体块: { source: ANNEX_A, children: [{ name: '业务实体', ...SOME }] },
  业务实体: {
    source: DAT46,
    children: [
      { name: '业务标识符', ...ONE },
      { name: '机构人员标识符', ...ONE },
      { name: '文件标识符', ...ONE },
      { name: '业务状态', ...ONE, m: 'M80' },
      { name: '业务行为', ...ONE, m: 'M81' },
      { name: '行为时间', ...ONE, m: 'M82' },
      { name: '行为依据', ...OPT, m: 'M83' },
      { name: '行为描述', ...OPT, m: 'M84' },
    ],
  },
  机构人员实体块: { source: ANNEX_A, children: [{ name: '机构人员实体', ...SOME }, { name: '机构人员实体关系', ...MANY }] },
  机构人员实体: {
    source: DAT46,
    children: [
      { name: '机构人员标识符', ...ONE },
      { name: '机构人员类型', ...OPT, m: 'M76' },
      { name: '机构人员名称', ...ONE, m: 'M77' },
      { name: '组织机构代码', ...OPT, m: 'M78' },
      { name: '个人职位', ...OPT, m: 'M79' },
    ],
  },
  机构人员实体关系: { source: ANNEX_A, children: relation('机构人员标识符', '被关联机构人员标识符') },
  电子签名块: { source: ANNEX_A, children: [{ name: '电子签名', ...SOME, m: 'M57' }] },
  电子签名: { source: DAT46, children: signature('签名标识符') },
  锁定签名: { source: ANNEX_A, children: signature('被锁定签名标识符') },
  证书块: { source: DAT46, children: [{ name: '证书', ...SOME, m: 'M62' }, { name: '证书引证', ...OPT, m: 'M63' }] },
};
