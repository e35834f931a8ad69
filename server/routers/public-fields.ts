// The reviewed field names of every public-tier procedure's output
// (public-privacy.test.ts compares against this). Adding a field here is a
// privacy review: DESIGN.md §5 lists what may never appear.
export const PUBLIC_FIELDS: Record<string, string[]> = {
  'community.bySlug': [
    'anchorLat', 'anchorLng', 'district', 'id', 'name', 'nameEn', 'neighbourhood', 'slug', 'street',
  ],
  'community.list': [
    '[].district', '[].id', '[].name', '[].nameEn', '[].neighbourhood', '[].slug', '[].street',
  ],
  'status.community': [
    'buildings', 'community', 'community.district', 'community.name', 'community.nameEn',
    'community.neighbourhood', 'community.slug', 'community.street', 'devices', 'devices.byClass',
    'devices.byClass[].class', 'devices.byClass[].online', 'devices.byClass[].total', 'devices.online',
    'devices.total', 'elevatorsInService', 'households', 'originalElevators', 'retrofitCases', 'units',
  ],
  'status.facilities': [
    'elevators', 'elevators.running', 'elevators.runningPct', 'elevators.stopped', 'elevators.total',
    'fireSafety', 'fireSafety[].class', 'fireSafety[].healthyPct', 'fireSafety[].total',
  ],
  'status.retrofit': [
    'buildings', 'buildings[].floors', 'buildings[].name', 'buildings[].number', 'buildings[].units',
    'buildings[].units[].elevator', 'buildings[].units[].name', 'buildings[].units[].ordinal',
    'buildings[].units[].originalElevator', 'buildings[].units[].stage', 'byStage', 'byStage.acceptance',
    'byStage.construction', 'byStage.design', 'byStage.in_service', 'byStage.intent', 'byStage.permit',
    'byStage.publicity', 'byStage.signed', 'byStage.stalled', 'byStage.vote',
  ],
  'status.safety': [
    'ebike', 'ebike.byMonth', 'ebike.byMonth[].count', 'ebike.byMonth[].month', 'ebike.trend',
    'ebike.trend.last12', 'ebike.trend.previous12', 'minHouseholdsPerBand', 'months', 'recordsFrom', 'throwing',
    'throwing.buildings', 'throwing.buildings[].bands', 'throwing.buildings[].bands[].from',
    'throwing.buildings[].bands[].to', 'throwing.buildings[].cells', 'throwing.buildings[].cells[].band',
    'throwing.buildings[].cells[].band.from', 'throwing.buildings[].cells[].band.to',
    'throwing.buildings[].cells[].count', 'throwing.buildings[].cells[].month', 'throwing.buildings[].name',
    'throwing.buildings[].number',
    'throwing.byMonth', 'throwing.byMonth[].count', 'throwing.byMonth[].month', 'throwing.trend',
    'throwing.trend.last12', 'throwing.trend.previous12',
  ],
  'status.service': [
    'completionPct', 'resolutionPct', 'satisfactionPct', 'workOrders',
  ],
  'status.unit': [
    'building', 'building.floors', 'building.name', 'building.number', 'community', 'community.name',
    'community.nameEn', 'community.slug', 'elevator', 'retrofit', 'retrofit.next', 'retrofit.next.notBefore',
    'retrofit.next.stage', 'retrofit.publicity', 'retrofit.publicity.days', 'retrofit.publicity.daysLeft',
    'retrofit.publicity.endsOn', 'retrofit.publicity.objectionChannel', 'retrofit.publicity.objections',
    'retrofit.publicity.openObjections', 'retrofit.publicity.proposal', 'retrofit.publicity.running',
    'retrofit.publicity.startsOn', 'retrofit.stage', 'retrofit.timeline', 'retrofit.timeline[].on',
    'retrofit.timeline[].stage', 'unit', 'unit.name', 'unit.ordinal', 'unit.originalElevator',
  ],
  // The demo seeds no resident report references, so the crawl sees none of its output yet.
  'workOrder.track': [],
};
