import type { EepItem } from '../../../src/index.js';

/** A small, complete 原始型 item: one 文档 with a PDF-like file. */
export function sampleItem(content: Uint8Array = new TextEncoder().encode('%PDF-1.7\n测试内容\n%%EOF\n')): EepItem {
  return {
    createdAt: '2024-03-01T09:30:00',
    creator: '某市档案馆',
    content: {
      record: {
        provenance: { fondsName: '某市人民政府办公室', creatingUnit: '某市人民政府办公室' },
        electronicRecordCode: 'EF-2024-0001',
        archivalCode: {
          code: 'Z001-WS·2024-Y-BGS-0001',
          fondsCode: 'Z001',
          year: '2024',
          retentionPeriod: '永久',
          organization: 'BGS',
          agencyItemNumber: 1,
        },
        description: {
          title: '关于[试行]办法的通知 <附件> & “说明”',
          author: '某市人民政府办公室',
          date: '20240301',
          documentNumber: '某政办〔2024〕1号',
          documentType: '通知',
          securityClassification: '公开',
        },
        formalCharacteristics: { aggregationType: '单件', pageCount: 3, language: '汉语', manuscriptType: '正本' },
        storage: { offlineMediumIds: ['GP-2024-01'] },
        rights: { controlIdentifier: '开放' },
        documents: [
          {
            role: '主文档',
            title: '正文',
            data: [{ encodings: [{ fileName: '正文.pdf', content, formatInformation: 'PDF 1.7 application/pdf' }] }],
          },
        ],
      },
      activities: [
        { activityId: 'B1', agentId: 'A1', recordId: 'EF-2024-0001', status: '历史行为', action: '归档', time: '2024-03-01T09:00:00' },
      ],
      agents: [{ agentId: 'A1', agentType: '内设机构', agentName: '办公室' }],
    },
  };
}
