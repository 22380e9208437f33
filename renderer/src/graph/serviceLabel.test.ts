import { describe, expect, it } from 'vitest'
import { serviceMapLabel } from './serviceLabel'

describe('serviceMapLabel', () => {
  it('drops the Amazon / AWS prefix', () => {
    expect(serviceMapLabel({ label: 'AWS Glue' })).toBe('Glue')
    expect(serviceMapLabel({ label: 'Amazon SageMaker Model Monitor' })).toBe('SageMaker Model Monitor')
  })

  it('names a long service by its acronym when the acronym is its initials', () => {
    expect(serviceMapLabel({ label: 'AWS Identity and Access Management', aliases: ['IAM', 'AWS IAM'] })).toBe('IAM')
    expect(serviceMapLabel({ label: 'Amazon Managed Streaming for Apache Kafka', aliases: ['Amazon MSK', 'Managed Kafka'] })).toBe('MSK')
  })

  it('keeps the name when no alias is its initials, and cuts what is still too long', () => {
    expect(serviceMapLabel({ label: 'Amazon SageMaker Unified Studio', aliases: ['SMUS'] })).toBe('SageMaker Unified Studio')
    // a short name never becomes an acronym
    expect(serviceMapLabel({ label: 'Amazon Simple Queue', aliases: ['SQ'] })).toBe('Simple Queue')
    expect(serviceMapLabel({ label: 'Amazon SageMaker distributed training libraries' })).toBe('SageMaker distributed t…')
  })
})
