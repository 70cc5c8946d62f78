import { xmlElement as el, type XmlNode } from '../xml/xmlNode.js';
import { encodeBase64 } from './base64.js';
import { EEP_AGGREGATION_LEVEL, EEP_ENCODING_DESCRIPTION } from './constants.js';
import { decodingKey } from './decodingKey.js';
import { documentDataId, documentId, encodedDataId, encodingId } from './ids.js';
import type {
  EepActivity,
  EepAgent,
  EepContent,
  EepDocument,
  EepEncoding,
  EepRecord,
} from './model.js';

/** An optional simple element: dropped when the value is undefined. */
function opt(name: string, value: string | number | undefined): XmlNode | undefined {
  return value === undefined ? undefined : el(name, String(value));
}

/**
 * Builds the three blocks of one layer's content (DA/T 48-2009 附录A
 * 封装内容 / 修订内容): 文件实体块, 业务实体块, 机构人员实体块.
 *
 * @param content - Record, activities and agents.
 * @param layer - Modification layer, used in the IDs.
 * @returns The three block elements, in schema order.
 * @throws RangeError when a text holds a character XML 1.0 cannot carry.
 * @example
 * contentNodes(item.content, 0).map((n) => n.name) //=> ['文件实体块', '业务实体块', '机构人员实体块']
 */
export function contentNodes(content: EepContent, layer: number): XmlNode[] {
  return [
    el('文件实体块', [recordNode(content.record, layer)]),
    el('业务实体块', content.activities.map(activityNode)),
    el('机构人员实体块', content.agents.map(agentNode)),
  ];
}

// DA/T 48-2009 附录A 文件实体, DA/T 46-2009 M1–M75.
function recordNode(record: EepRecord, layer: number): XmlNode {
  const { provenance: p, description: d, formalCharacteristics: f, storage: s, rights: r } = record;
  return el('文件实体', [
    el('聚合层次', EEP_AGGREGATION_LEVEL),
    el('来源', [opt('档案馆名称', p.archiveName), opt('档案馆代码', p.archiveCode), opt('全宗名称', p.fondsName), el('立档单位名称', p.creatingUnit)]),
    el('电子文件号', record.electronicRecordCode),
    archivalCodeNode(record),
    el('内容描述', [
      el('题名', d.title),
      opt('并列题名', d.parallelTitle),
      opt('副题名', d.alternativeTitle),
      opt('说明题名文字', d.otherTitleInformation),
      ...(d.descriptors ?? []).map((t) => el('主题词', t.value, t.thesaurus === undefined ? undefined : { 主题词表名称: t.thesaurus })),
      opt('关键词', d.keyword),
      opt('人名', d.personalName),
      opt('摘要', d.abstract),
      opt('分类号', d.classNumber),
      opt('文件编号', d.documentNumber),
      el('责任者', d.author),
      el('日期', d.date),
      opt('文种', d.documentType),
      opt('紧急程度', d.precedence),
      opt('主送', d.principalReceiver),
      opt('抄送', d.otherReceivers),
      el('密级', d.securityClassification),
      opt('保密期限', d.secrecyPeriod),
    ]),
    el('形式特征', [el('文件组合类型', f.aggregationType), opt('页数', f.pageCount), opt('语种', f.language), opt('稿本', f.manuscriptType)]),
    el('存储位置', [
      opt('当前位置', s.currentLocation),
      ...s.offlineMediumIds.map((id) => el('脱机载体编号', id)),
      ...(s.offlineMediumLocations ?? []).map((loc) => el('脱机载体存址', loc)),
      opt('缩微号', s.microformId),
    ]),
    el('权限管理', [
      opt('知识产权说明', r.intellectualPropertyStatement),
      ...(r.authorizations ?? []).map((g) => el('授权', [el('授权对象', g.agent), el('授权行为', g.permission)])),
      opt('控制标识', r.controlIdentifier),
    ]),
    ...(record.informationSystems ?? []).map((v) => el('信息系统描述', v)),
    ...(record.annotations ?? []).map((v) => el('附注', v)),
    el('文件数据', record.documents.map((doc, i) => documentNode(doc, layer, i + 1))),
  ]);
}

// 档号 is `mixed` (DA/T 48-2009 附录A): the full code may sit as text before the parts.
function archivalCodeNode(record: EepRecord): XmlNode {
  const a = record.archivalCode;
  const parts = [
    opt('全宗号', a.fondsCode),
    opt('目录号', a.catalogueNumber),
    el('年度', a.year),
    el('保管期限', a.retentionPeriod),
    opt('机构或问题', a.organization),
    opt('类别号', a.classCode),
    opt('室编案卷号', a.agencyVolumeNumber),
    opt('馆编案卷号', a.archivesVolumeNumber),
    opt('室编件号', a.agencyItemNumber),
    opt('馆编件号', a.archivesItemNumber),
    opt('页号', a.pageNumber),
  ].filter((n): n is XmlNode => n !== undefined);
  // The serializer writes text or children, not both: the full code goes in a
  // leading text node that the writer's caller splices in (see writeEep).
  return a.code === undefined ? el('档号', parts) : el('档号', [el(ARCHIVAL_CODE_TEXT, a.code), ...parts]);
}

/**
 * Name of the placeholder element that carries 档号's mixed text through the
 * serializer; {@link spliceArchivalCodeText} turns it into plain text.
 */
export const ARCHIVAL_CODE_TEXT = '档号文本';

/**
 * Turns the placeholder `<档号文本>…</档号文本>` lines into the mixed text of 档号.
 *
 * @param xml - Serialized document.
 * @returns The document with 档号's text inline.
 * @example
 * spliceArchivalCodeText('<档号>\n  <档号文本>X</档号文本>\n  <年度>2024</年度>') //=> '<档号>X\n  <年度>2024</年度>'
 */
export function spliceArchivalCodeText(xml: string): string {
  return xml.replace(/<档号>\s*<档号文本>([^<]*)<\/档号文本>/g, '<档号>$1');
}

function documentNode(doc: EepDocument, layer: number, d: number): XmlNode {
  return el('文档', [
    el('文档标识符', documentId(layer, d)),
    opt('文档序号', doc.sequence),
    opt('文档主从声明', doc.role),
    opt('题名', doc.title),
    ...doc.data.map((data, n) =>
      el(
        '文档数据',
        data.encodings.map((enc, e) => encodingNode(enc, layer, d, n + 1, e + 1)),
        { 文档数据ID: documentDataId(layer, d, n + 1) },
      ),
    ),
  ]);
}

function encodingNode(enc: EepEncoding, layer: number, d: number, n: number, e: number): XmlNode {
  const g = enc.digitization;
  return el(
    '编码',
    [
      el('电子属性', [
        opt('格式信息', enc.formatInformation),
        el('计算机文件名', enc.fileName),
        el('计算机文件大小', String(enc.content.length)),
        opt('文档创建程序', enc.creatingApplication),
      ]),
      g === undefined
        ? undefined
        : el('数字化属性', [
            opt('数字化对象形态', g.physicalCharacteristics),
            el('扫描分辨率', g.scanningResolution),
            el('扫描色彩模式', g.scanningColorModel),
            opt('图像压缩方案', g.imageCompressionScheme),
          ]),
      el('编码描述', EEP_ENCODING_DESCRIPTION),
      el('反编码关键字', decodingKey(enc.fileName)),
      el('编码数据', encodeBase64(enc.content), { 编码数据ID: encodedDataId(layer, d, n, e) }),
    ],
    { 编码ID: encodingId(layer, d, n, e) },
  );
}

// DA/T 48-2009 附录A 业务实体 (DA/T 46-2009 M80–M84).
function activityNode(a: EepActivity): XmlNode {
  return el('业务实体', [
    el('业务标识符', a.activityId),
    el('机构人员标识符', a.agentId),
    el('文件标识符', a.recordId),
    el('业务状态', a.status),
    el('业务行为', a.action),
    el('行为时间', a.time),
    opt('行为依据', a.basis),
    opt('行为描述', a.description),
  ]);
}

// DA/T 48-2009 附录A 机构人员实体 (DA/T 46-2009 M76–M79).
function agentNode(a: EepAgent): XmlNode {
  return el('机构人员实体', [
    el('机构人员标识符', a.agentId),
    opt('机构人员类型', a.agentType),
    el('机构人员名称', a.agentName),
    opt('组织机构代码', a.organizationCode),
    opt('个人职位', a.position),
  ]);
}
