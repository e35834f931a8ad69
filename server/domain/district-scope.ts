// What the district screen covers, named from the place's own name (docs/DOMAIN.md § Community model):
// the communities a caller reaches, when they are all on one street (街道), are that street's
// screen ("建中街街道 · 街道一屏统管"); when they span streets of one district (区), the
// district's ("江汉区 · 区级一屏统管"). Titles and labels say 街道 or 区级 from this one answer.

export type ScopeLevel = 'street' | 'district';
export type DistrictScope = { level: ScopeLevel; name: string | null };

/** The level a place's own name says: "…区" is a district, "…街道", "…街", "…镇", "…乡" a street office. */
export function levelOfName(name: string): ScopeLevel | null {
  if (/(街道|街|镇|乡)$/.test(name)) return 'street';
  if (/区$/.test(name)) return 'district';
  return null;
}

const only = (values: string[]) => (values.length > 0 && values.every((v) => v === values[0]) ? values[0]! : null);

/** The scope of these communities: their one street, else their one district, else a district-level view with no one name. */
export function districtScope(list: ReadonlyArray<{ street: string; district: string }>): DistrictScope {
  const street = only(list.map((c) => c.street));
  if (street !== null) return { level: levelOfName(street) ?? 'street', name: street };
  const district = only(list.map((c) => c.district));
  if (district !== null) return { level: levelOfName(district) ?? 'district', name: district };
  return { level: 'district', name: null };
}
