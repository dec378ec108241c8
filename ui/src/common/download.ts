/** Saving text (or bytes: a .docx) as a file through a download link. */
export function downloadText(filename: string, text: string | Uint8Array | Blob, type = 'text/plain'): void {
  const url = URL.createObjectURL(text instanceof Blob ? text : new Blob([text as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5_000);
}
