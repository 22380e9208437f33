// Clicking a service opens the section that is about it: a heading naming the service, with its subsections, beats
// a summary table further down that names it more often in one section.
import { describe, expect, it } from 'vitest'
import { eachTestFolder, writeNote } from '../test-vault'

const folder = eachTestFolder('ng-home-')

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
    writeNote(folder.notes(), 'genai.md', NOTE)
    const backend = await folder.open()
    const m = backend.getMentions('service:amazon-bedrock')
    expect(m.best?.section).toBe('amazon-bedrock')
    expect(m.best?.line).toBe(7)
  })
})
