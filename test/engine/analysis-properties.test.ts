/** Properties of the analysis over random inputs (fast-check). */
import fc from "fast-check";
import {
  competitionRanks,
  normaliseStatus,
  regionGroups,
  statusCheck,
  statusGroups,
  subtractMonthsUtc,
  utcDayNumber,
} from "../../src/engine/analysis";
import { Assessment } from "../../src/engine/assessment";
import { STATUS_LEVELS } from "../../src/engine/framework";
import { score, uniform } from "../helpers/analysis-fixture";

/** Values on the composite's grid, with many ties, or null. */
const maybeScore = fc.option(
  fc.integer({ min: 0, max: 8 }).map((x) => x / 4),
  { nil: null }
);

describe("competitionRanks", () => {
  it("is 1 + the number of strictly greater values, null for null", () => {
    fc.assert(
      fc.property(fc.array(maybeScore, { maxLength: 40 }), (values) => {
        const ranks = competitionRanks(values);
        values.forEach((v, i) => {
          if (v === null) expect(ranks[i]).toBeNull();
          else expect(ranks[i]).toBe(1 + values.filter((w) => w !== null && w > v).length);
        });
      })
    );
  });

  it("is consistent under permutation: shuffling the values shuffles the ranks", () => {
    const valuesAndOrder = fc.array(maybeScore, { minLength: 1, maxLength: 30 }).chain((values) =>
      fc.tuple(
        fc.constant(values),
        fc.shuffledSubarray(
          values.map((_, i) => i),
          { minLength: values.length, maxLength: values.length }
        )
      )
    );
    fc.assert(
      fc.property(valuesAndOrder, ([values, order]) => {
        const ranks = competitionRanks(values);
        const shuffled = competitionRanks(order.map((i) => values[i]));
        expect(shuffled).toEqual(order.map((i) => ranks[i]));
        // Competition ranking: every rank r is held by k values and the next rank is r + k.
        const held = ranks.filter((r): r is number => r !== null).sort((a, b) => a - b);
        held.forEach((r, i) => expect(r === held[i - 1] || r === i + 1).toBe(true));
      })
    );
  });
});

const STATUS_TEXTS = [
  "dasar",
  " Berkembang",
  "MANDIRI",
  "berkelanjutan ",
  "Madya",
  "madya",
  "Pratama",
  null,
  " ",
];

const kampungList = fc.array(
  fc.record({
    status: fc.constantFrom(...STATUS_TEXTS),
    value: maybeScore,
    kabupaten: fc.constantFrom("Kota Semarang", "kota semarang", "Kabupaten Wonosobo", null),
  }),
  { minLength: 1, maxLength: 40 }
);

function toAssessments(
  list: { status: string | null; value: number | null; kabupaten: string | null }[]
): Assessment[] {
  return list.map((k, i) =>
    uniform(`K${i}`, k.value, {
      row: i + 2,
      status: k.status,
      region: { desa: null, kecamatan: null, provinsi: null, kabupaten: k.kabupaten },
    })
  );
}

describe("status groups and regions", () => {
  it("group counts sum to the number of kampung with a status; composite n to those with a composite", () => {
    fc.assert(
      fc.property(kampungList, (list) => {
        const results = score(toAssessments(list));
        const statuses = results.kampung.map((k) => normaliseStatus(k.status));
        const { groups, withoutStatus } = statusGroups(results.kampung, statuses, "setara");
        const withStatus = list.filter((k) => k.status !== null && k.status.trim() !== "");
        expect(groups.reduce((s, g) => s + g.count, 0)).toBe(withStatus.length);
        expect(withoutStatus).toBe(list.length - withStatus.length);
        expect(groups.reduce((s, g) => s + g.composite.n, 0)).toBe(
          withStatus.filter((k) => k.value !== null).length
        );
        // Levels first, in BKKBN order, then other texts.
        const levelOrder = groups.map((g) =>
          g.level === null ? 99 : STATUS_LEVELS.findIndex((l) => l.key === g.level)
        );
        expect([...levelOrder].sort((a, b) => a - b)).toEqual(levelOrder);
        for (const g of groups) {
          if (g.composite.mean === null) continue;
          expect(g.composite.mean).toBeGreaterThanOrEqual(0);
          expect(g.composite.mean).toBeLessThanOrEqual(2);
        }
      })
    );
  });

  it("region counts sum to the number of kampung when the column is there", () => {
    fc.assert(
      fc.property(kampungList, (list) => {
        const regions = regionGroups(score(toAssessments(list)).kampung, "setara");
        const any = list.some((k) => k.kabupaten !== null);
        expect(regions.kabupaten.reduce((s, g) => s + g.count, 0)).toBe(any ? list.length : 0);
        // Case- and space-free names: Kota Semarang appears once.
        expect(new Set(regions.kabupaten.map((g) => g.name?.toLowerCase())).size).toBe(
          regions.kabupaten.length
        );
      })
    );
  });
});

describe("status check", () => {
  it("flags nothing when every level scores strictly above every lower level", () => {
    // Levels get disjoint composite bands: dasar [0, 0.4], berkembang [0.5, 0.9], ...
    const separated = fc.array(
      fc.record({ level: fc.integer({ min: 0, max: 3 }), step: fc.integer({ min: 0, max: 4 }) }),
      { minLength: 1, maxLength: 30 }
    );
    fc.assert(
      fc.property(separated, (list) => {
        const results = score(
          list.map((k, i) =>
            uniform(`K${i}`, (k.level * 5 + k.step) / 10, { status: STATUS_LEVELS[k.level].key })
          )
        );
        const flags = statusCheck(
          results.kampung,
          results.kampung.map((k) => normaliseStatus(k.status))
        );
        expect(flags.every((f) => f.length === 0)).toBe(true);
      })
    );
  });
});

describe("calendar months", () => {
  it("3 calendar months back is 89 to 92 days back, never later in the month", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const date = new Date(ms);
        const back = subtractMonthsUtc(date, 3);
        const days = utcDayNumber(date) - utcDayNumber(back);
        expect(days).toBeGreaterThanOrEqual(89);
        expect(days).toBeLessThanOrEqual(92);
        expect(back.getUTCDate()).toBeLessThanOrEqual(date.getUTCDate());
        expect(
          date.getUTCFullYear() * 12 +
            date.getUTCMonth() -
            (back.getUTCFullYear() * 12 + back.getUTCMonth())
        ).toBe(3);
      })
    );
  });
});
