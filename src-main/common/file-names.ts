// A name the user typed (plan, customer) made safe as a file name on Windows, macOS and Linux.
export function safeFileName(name: string, fallback: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || fallback;
}
