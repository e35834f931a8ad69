// Closed vocabularies of the domain (docs/DOMAIN.md). Plain constants, importable
// from the schema, the server and client code alike.

/** The 16 sensor classes seen in 荆胡智慧社区 and their usual makes. */
export const DEVICE_CLASSES = [
  'elevator_controller', // GB/T 24476 fields: floor, direction, door, load, fault, trapped
  'elevator_ebike_camera',
  'throwing_camera',
  'surveillance_camera',
  'smoke_detector',
  'fire_water_pressure',
  'combustible_gas',
  'access_control',
  'garage_plate_recognition',
  'parking_space',
  'environment',
  'water_quality',
  'irrigation_soil',
  'manhole_cover',
  'water_leak_contact',
  'ebike_charging_shed',
] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

// Mains-powered, streaming devices report often; battery NB-IoT sensors (smoke, leak, manhole,
// parking) wake rarely to save their cells. The demo's intervals and an import's default.
export const DEFAULT_HEARTBEAT_SECONDS: Record<DeviceClass, number> = {
  elevator_controller: 60,
  elevator_ebike_camera: 60,
  throwing_camera: 60,
  surveillance_camera: 60,
  smoke_detector: 3600,
  fire_water_pressure: 600,
  combustible_gas: 300,
  access_control: 300,
  garage_plate_recognition: 60,
  parking_space: 1800,
  environment: 300,
  water_quality: 900,
  irrigation_soil: 1800,
  manhole_cover: 3600,
  water_leak_contact: 3600,
  ebike_charging_shed: 120,
};

export const DEVICE_STATUSES = ['online', 'offline', 'alarm', 'fault', 'maintenance'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const INCIDENT_KINDS = ['throwing', 'ebike_elevator', 'fire_smoke'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const REVIEW_STATES = ['pending', 'confirmed', 'false_alarm', 'referred_police'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const ALARM_SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const;
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

export const ALARM_STATES = ['open', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/**
 * What raised an alarm. The database stores the kind, never a sentence; the
 * console names it from the messages (`alarmKind.<kind>` in app/_i18n).
 * The ingest raises the first twelve (server/domain/alarm-rules.ts); the
 * rest come from sources the ingest has no rule for yet (the demo seed's video
 * analytics and building systems).
 */
export const ALARM_KINDS = [
  'smoke',
  'gas_leak',
  'elevator_trapped',
  'elevator_fault',
  'fire_water_low_pressure',
  'arc_fault',
  'manhole_open',
  'water_leak',
  'device_fault',
  'device_offline',
  'throwing',
  'ebike_elevator',
  'fire_smoke',
  'ebike_lobby',
  'intrusion',
  'low_pressure',
  'door_held',
  'barrier_fault',
  'parking_overstay',
  'air_quality',
  'water_quality',
  'soil_dry',
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export const FACADES = ['north', 'east', 'south', 'west'] as const;
export type Facade = (typeof FACADES)[number];

export const CHECKIN_METHODS = ['nfc', 'qr', 'gps', 'manual'] as const;
export const PATROL_FREQUENCIES = ['daily', 'weekly', 'every_other_day'] as const;
export type PatrolFrequency = (typeof PATROL_FREQUENCIES)[number];

export const WORK_ORDER_SOURCES = ['resident', 'sensor_alarm', 'grid', 'hotline_12345'] as const;
export type WorkOrderSource = (typeof WORK_ORDER_SOURCES)[number];

export const WORK_ORDER_STATES = [
  'pending',
  'accepted',
  'returned',
  'transferred',
  'done',
  'return_visit',
  'closed',
] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

/** Staff actions on an alarm, as the audit trail records them. */
export const ALARM_ACTIONS = [
  'acknowledge',
  'start',
  'resolve',
  'close',
  'assign',
  'note',
  'escalate',
  'review',
  'work_order',
] as const;
export type AlarmAction = (typeof ALARM_ACTIONS)[number];

/** Moves of a work order (docs/DOMAIN.md § Work orders); server/domain/work-order-flow.ts judges them. */
export const WORK_ORDER_ACTIONS = ['accept', 'return', 'transfer', 'finish', 'visit', 'close', 'reopen'] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

/** Shared places a resident can report from; never a flat or a person. */
export const PUBLIC_AREAS = ['garage', 'gate', 'garden', 'road', 'charging_shed', 'waste_point', 'lobby'] as const;
export type PublicArea = (typeof PUBLIC_AREAS)[number];

export const GRID_KINDS = ['party', 'legal', 'property', 'combined'] as const;

/** Retrofit stages in order; 'stalled' stands outside the sequence (docs/DOMAIN.md § Retrofit stages). */
export const RETROFIT_STAGES = [
  'intent', // 意愿登记
  'vote', // 表决
  'signed', // 签约
  'design', // 设计/图审
  'publicity', // 公示
  'permit', // 施工许可
  'construction', // 施工
  'acceptance', // 验收/登记
  'in_service', // 投入使用
] as const;
export const RETROFIT_STAGES_ALL = [...RETROFIT_STAGES, 'stalled'] as const;
export type RetrofitStage = (typeof RETROFIT_STAGES_ALL)[number];

export const VOTES = ['agree', 'oppose', 'abstain', 'not_voted'] as const;
export type Vote = (typeof VOTES)[number];

export const CONSENT_RULES = ['civil_code_278', 'local_two_thirds'] as const;
export type ConsentRule = (typeof CONSENT_RULES)[number];

/**
 * An account's global role (docs/ARCHITECTURE.md § Access): an admin manages every community and
 * the accounts; a member reaches only the communities its memberships name.
 */
export const ACCOUNT_ROLES = ['admin', 'member'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * A membership's role. staff, planner, viewer and resident hold in one community (a resident
 * for one household of it); district holds over every community of one street (街道 leadership).
 */
export const MEMBERSHIP_ROLES = ['staff', 'planner', 'viewer', 'resident', 'district'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** Index of a stage in the sequence; 'stalled' is -1. */
export function stageIndex(stage: RetrofitStage): number {
  return (RETROFIT_STAGES as readonly string[]).indexOf(stage);
}

// Shapes stored in JSON columns that domain rules read too: declared here, not
// in the table files, so server/domain/ imports no table.

/** Coverage thresholds (docs/DOMAIN.md): who counts as elderly, and from which floor stairs strand them. */
export type CoverageSettings = { minAge: 60 | 80; minFloor: number };

/** A retrofit case's subsidy: a share of the cost up to a cap, or a fixed amount (fen). */
export type SubsidyRule = { kind: 'percent'; percent: number; capFen: number } | { kind: 'fixed'; amountFen: number };
