import { ITEM_METADATA_ROOT } from '../../package/metadata/readItemMetadata.js';
import { documentDataId, documentId, encodingId } from '../eep/ids.js';
import { fixityAlgorithmNames } from '../fixity/fixityRecord.js';
import { serializeXml, xmlElement as el, type XmlNode, type XmlOutputEncoding } from '../xml/xmlNode.js';
import type { Dat46ItemMetadata, MetadataDocument, MetadataFile } from './itemMetadata.js';


/** 聚合层次 (DA/T 46-2009 M1) of an item. */
const AGGREGATION_LEVEL = '文件';

/** An optional simple element: dropped when the value is undefined. */
function opt(name: string, value: string | number | undefined): XmlNode | undefined {
  return value === undefined ? undefined : el(name, String(value));
}

/**
 * Writes the DA/T 46-2009 metadata XML of one item (root `文件实体`, the
 * element order of DA/T 48-2009 附录A), with 文件数据 describing each file by
 * 计算机文件名, 计算机文件大小 and, when given, a `<数字摘要 算法="SM3">`
 * in 电子属性. IDs follow the EEP pattern of layer 0 (`修改0-文档1-文档数据1-编码1`).
 *
 * @param metadata - The item's metadata.
 * @param encoding - Declared encoding (encode with {@link encodeXmlDocument}). Default UTF-8.
 * @returns The XML text.
 * @throws RangeError when a value holds a character XML 1.0 cannot carry.
 * @example
 * writeItemMetadataXml(metadata) // '<?xml version="1.0" encoding="UTF-8"?>\n<文件实体>\n  <聚合层次>文件</聚合层次>…'
 */
export function writeItemMetadataXml(metadata: Dat46ItemMetadata, encoding: XmlOutputEncoding = 'UTF-8'): string {
  return serializeXml(itemMetadataNode(metadata), encoding);
}

/**
 * Builds the `文件实体` element of {@link writeItemMetadataXml}, for callers that
 * embed it in a larger document.
 *
 * @param m - The item's metadata.
 * @returns The element.
 * @example
 * itemMetadataNode(metadata).name //=> '文件实体'
 */
export function itemMetadataNode(m: Dat46ItemMetadata): XmlNode {
  const { provenance: p, description: d, formalCharacteristics: f, storage: s, rights: r } = m;
  return el(ITEM_METADATA_ROOT, [
    el('聚合层次', AGGREGATION_LEVEL),
    el('来源', [opt('档案馆名称', p.archiveName), opt('档案馆代码', p.archiveCode), opt('全宗名称', p.fondsName), el('立档单位名称', p.creatingUnit)]),
    el('电子文件号', m.electronicRecordCode),
    archivalCodeNode(m),
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
    ...(m.informationSystems ?? []).map((v) => el('信息系统描述', v)),
    ...(m.annotations ?? []).map((v) => el('附注', v)),
    el('文件数据', m.documents.map((doc, i) => documentNode(doc, i + 1))),
  ]);
}

// 档号 (M8) is mixed content in DA/T 48-2009 附录A: the full code as text, then its parts M9–M20.
function archivalCodeNode(m: Dat46ItemMetadata): XmlNode {
  const a = m.archivalCode;
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

function documentNode(doc: MetadataDocument, d: number): XmlNode {
  return el('文档', [
    el('文档标识符', documentId(0, d)),
    opt('文档序号', doc.sequence),
    opt('文档主从声明', doc.role),
    opt('题名', doc.title),
    ...doc.data.map((data, n) =>
      el('文档数据', data.encodings.map((file, e) => fileNode(file, encodingId(0, d, n + 1, e + 1))), { 文档数据ID: documentDataId(0, d, n + 1) }),
    ),
  ]);
}

function fileNode(file: MetadataFile, id: string): XmlNode {
  const g = file.digitization;
  return el(
    '编码',
    [
      el('电子属性', [
        opt('格式信息', file.formatInformation),
        el('计算机文件名', file.fileName),
        el('计算机文件大小', String(file.fileSize)),
        opt('文档创建程序', file.creatingApplication),
        file.digest === undefined ? undefined : el('数字摘要', file.digest.value, { 算法: fixityAlgorithmNames[file.digest.algorithm].name }),
      ]),
      g === undefined
        ? undefined
        : el('数字化属性', [
            opt('数字化对象形态', g.physicalCharacteristics),
            el('扫描分辨率', g.scanningResolution),
            el('扫描色彩模式', g.scanningColorModel),
            opt('图像压缩方案', g.imageCompressionScheme),
          ]),
    ],
    { 编码ID: id },
  );
}
