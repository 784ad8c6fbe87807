// Writes test/fixtures/import-tables/workloads.xlsx, a small customer-style sheet for the import tests.
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('Inventory');
sheet.addRow(['Host', 'OS', 'Cores used', 'Source MTM', 'Utilisation %', 'RAM GiB']);
sheet.addRow(['p8-batch', 'AIX', 8, '8286-42A', 45, 96]);
sheet.addRow(['p8-report', 'AIX', 4, '8286-42A', 30, 48]);
sheet.addRow(['p8-linux', 'Linux', 2, '8284-22A', 60, 16]);
await workbook.xlsx.writeFile(join(import.meta.dirname, '..', 'test', 'fixtures', 'import-tables', 'workloads.xlsx'));
