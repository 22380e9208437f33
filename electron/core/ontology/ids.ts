// Entity ids: `service:<kebab of canonical name>` / `concept:<kebab>`.

/** "Amazon SageMaker AI" → "amazon-sagemaker-ai"; "AWS SDK for Python (Boto3)" → "aws-sdk-for-python-boto3". */
export function kebab(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Id for a canonical name. Without a type the name is taken to be a service. */
export function entityIdFor(name: string, type: 'service' | 'concept' = 'service'): string {
  return `${type}:${kebab(name)}`
}
