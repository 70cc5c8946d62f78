import { optionalXmlElement as opt, xmlElement as el, type XmlNode } from '../../xml/xmlNode.js';
import { encodeBase64 } from './base64.js';
import { encodingNode, recordEntityNode, type EncodingPosition } from '../itemMetadata/recordEntityNode.js';
import { EEP_ENCODING_DESCRIPTION } from './constants.js';
import { decodingKey } from './decodingKey.js';
import { encodedDataId, encodingId } from './ids.js';
import type { EepActivity, EepAgent, EepContent, EepEncoding, EepRecord } from './model.js';

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

// DA/T 48-2009 附录A 文件实体 (DA/T 46-2009 M1–M75); each file carries its bytes in Base64.
function recordNode(record: EepRecord, layer: number): XmlNode {
  return recordEntityNode(record, layer, encodingWithData);
}

function encodingWithData(enc: EepEncoding, at: EncodingPosition): XmlNode {
  const { layer, document: d, data: n, encoding: e } = at;
  return encodingNode({ ...enc, fileSize: enc.content.length }, encodingId(layer, d, n, e), [], [
    el('编码描述', EEP_ENCODING_DESCRIPTION),
    el('反编码关键字', decodingKey(enc.fileName)),
    el('编码数据', encodeBase64(enc.content), { 编码数据ID: encodedDataId(layer, d, n, e) }),
  ]);
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
