export {
  startDashboardServer,
  type DashboardServer,
  type DashboardServerOptions,
} from './dashboard-server.ts';
export {
  buildDashboard,
  defaultDashboardDir,
  writeDashboardConfig,
  type BuiltDashboard,
} from '../../build.ts';
export type { DashboardConfig } from '../view/config.ts';
