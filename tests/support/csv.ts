/**
 * RFC 4180 rows (quoted fields may hold commas, quotes and line breaks), each ended by CRLF as the
 * export writes them; `terminated` says whether the text ends with one (nothing left after it).
 */
export function readCsv(text: string): { rows: string[][]; terminated: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const character = text[i]!;
    if (quoted && character === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (character === '"') {
      quoted = !quoted;
    } else if (!quoted && character === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && character === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else {
      field += character;
    }
  }
  return { rows, terminated: field === "" && row.length === 0 };
}
