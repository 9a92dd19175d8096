import type { Workload } from '../lib/context'
import { certificatesWorkload } from './certificates'
import { coldStartWorkload } from './cold-start'
import { exportWorkload } from './export'
import { registerThroughputWorkload } from './register-throughput'
import { restoreWorkload } from './restore'
import { saveWorkload } from './save'
import { staffTableWorkload } from './staff-table'
import { syncWorkload } from './sync'

/** Every workload, in the order `npm run bench` runs them. */
export const WORKLOADS: Workload[] = [
  coldStartWorkload,
  saveWorkload,
  staffTableWorkload,
  exportWorkload,
  certificatesWorkload,
  syncWorkload,
  registerThroughputWorkload,
  restoreWorkload,
]
