/** Hands bytes to the browser as a file download (the PDF fallback when nothing can print). */
export function downloadFile(bytes: Uint8Array, fileName: string, type = 'application/pdf'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the click; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/**
 * Starts the browser's own download of a URL of our host (a streamed bulk PDF): the browser
 * writes it to disk as it arrives, so its size is no limit and the page holds none of it.
 */
export function downloadFromUrl(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
}
