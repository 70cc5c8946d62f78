/**
 * Issues that say nothing new about a path already reported with another
 * code, and are therefore not reported for it: rules as data, each with its
 * reason. Keys are the code left out; values the code that already covers
 * the path.
 */
export const subsumedIssues: Readonly<Record<string, { readonly by: string; readonly source: string }>> = {
  // An unlisted file (GD-2-11) is already an error; that no 固化信息 covers it follows from it being unlisted.
  'fixity.not-covered': { by: 'content.unlisted', source: 'DA/T 70-2018 GD-2-11 subsumes GD-1-1 coverage for an unlisted file' },
};
