// The shapes live data travels in, shared by the server (frames, bus,
// subscriptions) and the browser (app/_live). Plain JSON: times are ISO strings.
import type {
  AlarmKind,
  AlarmSeverity,
  AlarmState,
  DeviceStatus,
  Facade,
  IncidentKind,
  WorkOrderState,
} from '~/db/vocab';

export type FrameAlarm = {
  id: number;
  deviceId: number | null;
  incidentId: number | null;
  /** What raised it; the console names it from the messages (`alarmKind.<kind>`). */
  kind: AlarmKind;
  severity: AlarmSeverity;
  state: AlarmState;
  openedAt: string;
  /** 0 none, 1 paged to the duty supervisor (unacknowledged past its limit). Absent in frames from the ingest. */
  escalationLevel?: number;
  assignee?: string | null;
};

export type FrameIncident = {
  id: number;
  kind: IncidentKind;
  deviceId: number | null;
  buildingId: number | null;
  occurredAt: string;
  floor: number | null;
  floorBandFrom: number | null;
  floorBandTo: number | null;
  facade: Facade | null;
  windowColumn: number | null;
  trajectory: Array<{ t: number; x: number; y: number; z: number }> | null;
  doorHeldSeconds: number | null;
  releasedBy: 'auto' | 'staff' | null;
};

/** A work order a console moved or opened: other consoles refetch their lists on it. */
export type FrameWorkOrder = { id: number; state: WorkOrderState };

/** What changed in one community during one coalescing window. */
export type FramePayload = {
  at: string;
  /** Events stored in the window (duplicates not counted). */
  events: number;
  /** When the oldest change in this frame reached the server: now − this is the frame's worst lag. */
  since: string;
  /** Devices whose status changed, with the status they ended in. */
  devices: Array<[number, DeviceStatus]>;
  alarms: FrameAlarm[];
  incidents: FrameIncident[];
  /** Work orders staff opened or moved; absent when none did. */
  workOrders?: FrameWorkOrder[];
};

export type LiveFrame = FramePayload & { type: 'frame'; seq: number; communityId: number };

export type LiveSnapshot = {
  type: 'snapshot';
  /** The last frame the snapshot already includes; frames after it follow. */
  seq: number;
  communityIds: number[];
  /** Device ids by status. */
  statuses: Partial<Record<DeviceStatus, number[]>>;
  /** Open, acknowledged and in-progress alarms, newest first (at most 500). */
  alarms: FrameAlarm[];
};

export type LiveMessage = LiveSnapshot | LiveFrame;

/** Changes the ingest, the sweep or staff made, before they are coalesced into frames. */
export type LiveChanges = {
  communityId: number;
  /** When the ingest received the oldest event behind these changes (ms since epoch). */
  receivedAt: number;
  events: number;
  devices: Array<[number, DeviceStatus]>;
  alarms: FrameAlarm[];
  incidents: FrameIncident[];
  workOrders?: FrameWorkOrder[];
};
