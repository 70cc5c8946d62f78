/**
 * The keys of 说明文件.TXT the validator reads, with their source. `required`
 * keys must be present and non-empty (DA/T 93-2022 附录B; standards-electronic
 * §4.2); `count` keys hold a non-negative integer.
 */
export const packageDescriptionKeyRules = [
  { key: '移交单位', required: true, type: 'text', source: 'DA/T 93-2022 附录B' },
  { key: '内容描述', required: true, type: 'text', source: 'DA/T 93-2022 附录B' },
  { key: '起止档号', required: true, type: 'text', source: 'DA/T 93-2022 附录B' },
  { key: '档案数量', required: true, type: 'count', source: 'DA/T 93-2022 附录B' },
  { key: '软硬件环境', required: true, type: 'text', source: 'DA/T 93-2022 附录B; 电子档案移交与接收办法 (2012)' },
  // Optional: when present, DA/T 70-2018 GD-2-2 compares it with the content bytes.
  { key: '总字节数', required: false, type: 'count', source: 'DA/T 70-2018 GD-2-2 (key name: dangan convention)' },
] as const;

/** A key of {@link packageDescriptionKeyRules}. */
export type PackageDescriptionRuleKey = (typeof packageDescriptionKeyRules)[number]['key'];
