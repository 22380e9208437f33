// Clicking a service opens the section that is about it: a heading naming the service, with its subsections, beats
// a summary table further down that names it more often in one section.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openTestBackend, writeNote } from '../test-vault'
import type { Backend } from '../backend'

let tmp: string
let notes: string
let backend: Backend | undefined

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-home-'))
  notes = path.join(tmp, 'notes')
})
afterEach(async () => {
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

const NOTE = `# Generative AI on AWS

## Overview

Foundation models behind an API.

## Amazon Bedrock

Serverless access to foundation models.

### What it is

Amazon Bedrock hosts models from several providers.

### Agents

Agents for Amazon Bedrock call your APIs.

### Knowledge bases

Amazon Bedrock knowledge bases give retrieval-augmented generation.

## Decision table

| Scenario | Service |
|---|---|
| Build a chatbot | Amazon Bedrock |
| Summarize documents | Amazon Bedrock |
| Generate images | Amazon Bedrock |
| Semantic search | Amazon Bedrock embeddings |
| Forecast sales | Amazon SageMaker AI, not Amazon Bedrock |
`

describe('the section a service opens at', () => {
  it('is the one headed by its name, its subsections counted with it', async () => {
    writeNote(notes, 'genai.md', NOTE)
    backend = await openTestBackend(tmp, notes)
    const m = backend.getMentions('service:amazon-bedrock')
    expect(m.best?.section).toBe('amazon-bedrock')
    expect(m.best?.line).toBe(7)
  })
})
