import type { Workload } from '../lib/context'
import { coldStartWorkload } from './cold-start'
import { saveWorkload } from './save'
import { staffTableWorkload } from './staff-table'

/** Every workload, in the order `npm run bench` runs them. */
export const WORKLOADS: Workload[] = [coldStartWorkload, saveWorkload, staffTableWorkload]
