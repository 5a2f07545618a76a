// Human tables: left-aligned columns (numbers right-aligned) separated by
// two spaces, a header row, no borders. Written here rather than taken from
// a table library: the CLI's tables are this one shape, and 30 lines cost
// less than a dependency and its own choices of borders and colours. Width
// is measured in code points, so names with accents line up; wide (CJK)
// characters are not measured as two.

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number;
  /** Right-align (numbers); left otherwise. */
  readonly right?: boolean;
}

const width = (text: string) => [...text].length;

export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((c) => String(c.value(row))));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((r) => width(r[i]!))));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => {
        const pad = ' '.repeat(widths[i]! - width(v));
        return columns[i]!.right === true ? pad + v : i === values.length - 1 ? v : v + pad;
      })
      .join('  ');
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}
