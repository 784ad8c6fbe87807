// Generated workload workbooks of any size, for the import tests and the bench.
import ExcelJS from 'exceljs';

export async function workloadWorkbook(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Inventory');
  sheet.addRow(['LPAR name', 'OS', 'rPerf', 'Memory (GB)', 'Mode', 'HA group', 'Notes']);
  for (let index = 0; index < rows; index += 1) {
    sheet.addRow([
      `lpar-${index}`,
      index % 3 === 0 ? 'AIX 7.3' : index % 3 === 1 ? 'RHEL 9' : 'AIX 7.2',
      5 + (index % 40) * 1.5,
      16 + (index % 16) * 8,
      'shared',
      index % 10 === 0 ? 'ha' : '',
      'imported from the inventory',
    ]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
