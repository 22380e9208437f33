// The study calls of the contract: their signatures (spread into `Api`) and strict argument validators (spread
// into `validators`), kept apart so contract.ts only gains two lines.
import type { Grade, NodeMark } from '../core/study/types'
import type {
  DrillQuestion, GradeResult, ImportResult, NodeProgress, Readiness, StudyQueue, StudyScope, StudySettings, StudyStats, UndoResult,
} from '../core/study/study-types'

export interface StudyApi {
  /** cards left today in a scope, due reviews first, then new cards within today's limit */
  studyQueue(scope: StudyScope, limit?: number): StudyQueue
  gradeCard(id: string, grade: Grade): GradeResult
  undoGrade(): UndoResult
  studyStats(): StudyStats
  nodeProgress(): NodeProgress
  /** a manual mark on any node; null removes it */
  markNode(id: string, mark: NodeMark | null): NodeProgress
  readiness(exam: string): Readiness
  /** the next "Which service?" question of the scope, or null */
  studyDrill(scope: StudyScope): DrillQuestion | null
  studySettings(): StudySettings
  setStudySettings(patch: Partial<StudySettings>): StudySettings
  /** the folder's progress as JSON text */
  exportProgress(): string
  importProgress(json: string): ImportResult
  /** every card as a tab-separated file Anki imports */
  exportCardsTsv(): string
}

/** Calls the backend answers asynchronously (they write the progress file). */
export type StudyWriteMethod = 'gradeCard' | 'undoGrade' | 'markNode' | 'setStudySettings' | 'importProgress'

const GRADES: Grade[] = ['again', 'hard', 'good', 'easy']
const MARKS: NodeMark[] = ['learned', 'needs-review']
const MAX_IMPORT = 50_000_000

const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max && !v.includes('\0')
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
const none = (a: unknown[]) => a.length === 0
const onlyKeys = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k))

export function isStudyScope(v: unknown): v is StudyScope {
  if (!isPlain(v)) return false
  switch (v.kind) {
    case 'all': return onlyKeys(v, ['kind'])
    case 'domain': return onlyKeys(v, ['kind', 'domain']) && isStr(v.domain, 32)
    case 'note': return onlyKeys(v, ['kind', 'path']) && isStr(v.path, 4096)
    case 'nodes':
      return onlyKeys(v, ['kind', 'ids']) && Array.isArray(v.ids) && v.ids.length >= 1 && v.ids.length <= 2000 && v.ids.every((x) => isStr(x, 512))
    default: return false
  }
}

export function isStudySettingsPatch(v: unknown): boolean {
  if (!isPlain(v) || !onlyKeys(v, ['desiredRetention', 'newPerDay'])) return false
  const r = v.desiredRetention
  const n = v.newPerDay
  if (r !== undefined && !(typeof r === 'number' && r >= 0.7 && r <= 0.99)) return false
  if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1000)) return false
  return true
}

export const studyValidators: { [M in keyof StudyApi]: (args: unknown[]) => boolean } = {
  studyQueue: (a) => (a.length === 1 || (a.length === 2 && Number.isInteger(a[1]) && (a[1] as number) >= 0 && (a[1] as number) <= 5000)) && isStudyScope(a[0]),
  gradeCard: (a) => a.length === 2 && isStr(a[0], 256) && GRADES.includes(a[1] as Grade),
  undoGrade: none,
  studyStats: none,
  nodeProgress: none,
  markNode: (a) => a.length === 2 && isStr(a[0], 512) && (a[1] === null || MARKS.includes(a[1] as NodeMark)),
  readiness: (a) => a.length === 1 && isStr(a[0], 32),
  studyDrill: (a) => a.length === 1 && isStudyScope(a[0]),
  studySettings: none,
  setStudySettings: (a) => a.length === 1 && isStudySettingsPatch(a[0]),
  exportProgress: none,
  importProgress: (a) => a.length === 1 && isStr(a[0], MAX_IMPORT),
  exportCardsTsv: none,
}
