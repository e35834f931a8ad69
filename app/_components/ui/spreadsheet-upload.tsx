// What the import forms share (retrofit votes, the household register, the device list): the
// chosen file read in the browser, and the table of refused rows by spreadsheet row number.

/** CSV as text, .xlsx as base64 bytes; the server parses and checks both. */
export async function readSpreadsheet(file: File): Promise<{ format: 'csv' | 'xlsx'; content: string }> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'xlsx', content: btoa(binary) };
  }
  return { format: 'csv', content: await file.text() };
}

/** Every refused row, worded by the server in the reader's language, under a line saying nothing was written. */
export function RefusedRows(props: {
  errors: ReadonlyArray<{ row: number; message: string }>;
  summary: string;
  rowLabel: string;
  problemLabel: string;
}) {
  return (
    <div role="alert">
      <p className="error">{props.summary}</p>
      <table className="small">
        <thead>
          <tr>
            <th scope="col">{props.rowLabel}</th>
            <th scope="col">{props.problemLabel}</th>
          </tr>
        </thead>
        <tbody>
          {props.errors.map((e, i) => (
            <tr key={i}>
              <td className="num">{e.row}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
