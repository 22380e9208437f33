// `graph … | head` closes the pipe before the output is all written: that is the reader saying "enough",
// not an error, so the CLI ends at once with exit 0 and nothing on stderr (instead of an EPIPE stack trace).

export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0)
    throw err
  })
}
