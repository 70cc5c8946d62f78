import { ITEM_METADATA_ROOT } from './readItemMetadata.js';
import { EEP_AGGREGATION_LEVEL } from '../eep/constants.js';
import { documentDataId, documentId } from '../eep/ids.js';
import type { EepDigitization, EepDocument, EepRecord } from '../eep/model.js';
import { optionalXmlElement as opt, xmlElement as el, type XmlNode } from '../../xml/xmlNode.js';

/** A 文档 whose 文档数据 hold files of type `F` (bytes in EEP, descriptions in item metadata). */
export type RecordDocument<F> = Omit<EepDocument, 'data'> & { data: readonly { encodings: readonly F[] }[] };

/** A 文件实体 whose 文件数据 hold files of type `F`. */
export type RecordEntity<F> = Omit<EepRecord, 'documents'> & { documents: readonly RecordDocument<F>[] };

/** Position of one 编码 in 文件数据: layer, then 1-based document, data and encoding numbers. */
export interface EncodingPosition {
  layer: number;
  document: number;
  data: number;
  encoding: number;
}

/** What {@link encodingNode} writes for one computer file. */
export interface EncodingDescription {
  /** 计算机文件名 (M48). */
  fileName: string;
  /** 计算机文件大小 (M49), in bytes. */
  fileSize: number;
  /** 格式信息 (M47). */
  formatInformation?: string;
  /** 文档创建程序 (M50). */
  creatingApplication?: string;
  /** 数字化属性 (M52). */
  digitization?: EepDigitization;
}

/**
 * Builds the DA/T 46-2009 `文件实体` (M1–M75, in the element order of
 * DA/T 48-2009 附录A), shared by the item metadata XML and EEP: the files of
 * 文件数据 are written by `fileNode`, the one part in which the two differ.
 *
 * @param record - The record's metadata and documents.
 * @param layer - EEP modification layer used in the IDs (0 for item metadata).
 * @param fileNode - Builds one `编码` element from a file and its position.
 * @returns The `文件实体` element.
 * @example
 * recordEntityNode(metadata, 0, (file, at) => encodingNode(file, encodingId(at.layer, at.document, at.data, at.encoding))).name //=> '文件实体'
 */
export function recordEntityNode<F>(record: RecordEntity<F>, layer: number, fileNode: (file: F, at: EncodingPosition) => XmlNode): XmlNode {
  const { provenance: p, description: d, formalCharacteristics: f, storage: s, rights: r } = record;
  return el(ITEM_METADATA_ROOT, [
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
    el('文件数据', record.documents.map((doc, i) => documentNode(doc, layer, i + 1, fileNode))),
  ]);
}

// 档号 (M8) is mixed content in DA/T 48-2009 附录A: the full code as text, then its parts M9–M20.
function archivalCodeNode(record: RecordEntity<unknown>): XmlNode {
  const a = record.archivalCode;
  const parts = el('档号', [
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
  ]);
  return a.code === undefined ? parts : { ...parts, text: a.code };
}

function documentNode<F>(doc: RecordDocument<F>, layer: number, d: number, fileNode: (file: F, at: EncodingPosition) => XmlNode): XmlNode {
  return el('文档', [
    el('文档标识符', documentId(layer, d)),
    opt('文档序号', doc.sequence),
    opt('文档主从声明', doc.role),
    opt('题名', doc.title),
    ...doc.data.map((data, n) =>
      el(
        '文档数据',
        data.encodings.map((file, e) => fileNode(file, { layer, document: d, data: n + 1, encoding: e + 1 })),
        { 文档数据ID: documentDataId(layer, d, n + 1) },
      ),
    ),
  ]);
}

/**
 * Builds one `编码` (DA/T 48-2009 附录A): 电子属性 (M46–M50, then `extraProperties`),
 * 数字化属性 (M52) when the file is a digitised copy, then `tail` (EEP's
 * 编码描述, 反编码关键字 and 编码数据).
 *
 * @param file - The file's description.
 * @param id - The `编码ID`.
 * @param extraProperties - Elements appended to 电子属性 (e.g. 数字摘要).
 * @param tail - Elements after 数字化属性.
 * @returns The element.
 * @example
 * encodingNode({ fileName: '0001.pdf', fileSize: 1024 }, '修改0-文档1-文档数据1-编码1').name //=> '编码'
 */
export function encodingNode(
  file: EncodingDescription,
  id: string,
  extraProperties: readonly (XmlNode | undefined)[] = [],
  tail: readonly XmlNode[] = [],
): XmlNode {
  const g = file.digitization;
  return el(
    '编码',
    [
      el('电子属性', [
        opt('格式信息', file.formatInformation),
        el('计算机文件名', file.fileName),
        el('计算机文件大小', String(file.fileSize)),
        opt('文档创建程序', file.creatingApplication),
        ...extraProperties,
      ]),
      g === undefined
        ? undefined
        : el('数字化属性', [
            opt('数字化对象形态', g.physicalCharacteristics),
            el('扫描分辨率', g.scanningResolution),
            el('扫描色彩模式', g.scanningColorModel),
            opt('图像压缩方案', g.imageCompressionScheme),
          ]),
      ...tail,
    ],
    { 编码ID: id },
  );
}
