// Words for the partnership screens.
export const KIND_LABELS: Record<string, string> = {
  strategic: "Strategic partnership",
  service_delivery: "Service delivery partnership",
  network: "Network",
  forum: "Forum",
};
export const SECTOR_LABELS: Record<string, string> = {
  public: "Public",
  vcse: "Voluntary and community (VCSE)",
  business: "Business",
  residents: "Residents",
  other: "Other",
};
export const SELECTION_LABELS: Record<string, string> = {
  open_election: "Open election by the constituency",
  open_nomination: "Open nomination",
  appointed: "Appointed",
  co_opted: "Co-opted",
  invited: "Invited",
};
export const FLAG_LABELS: Record<string, string> = {
  vacant: "Vacant",
  term_ended: "Term ended",
  term_ending: "Term ending",
  not_openly_selected: "Not openly selected",
  no_constituency: "No constituency",
  report_back_overdue: "Report-back overdue",
  no_declaration: "No declaration",
  poor_attendance: "Poor attendance",
  over_consulted_person: "Over-consulted person",
  over_consulted_group: "Over-consulted group",
};

/** What a seat's constituency names besides its own words, a line each, for the seats table:
 * "Wards: Eccles, Barton & Winton", "Speaks for: Young people". A name with a comma in it
 * ("Lesbian, gay, bisexual and transgender people") makes the list take semicolons. */
export function constituencyLines(seat: { wards: string[]; categories: string[] }): string[] {
  const list = (names: string[]) => names.join(names.some((n) => n.includes(",")) ? "; " : ", ");
  const lines: string[] = [];
  if (seat.wards.length) lines.push(`${seat.wards.length === 1 ? "Ward" : "Wards"}: ${list(seat.wards)}`);
  if (seat.categories.length) lines.push(`Speaks for: ${list(seat.categories)}`);
  return lines;
}

/** The correction form's heading and the sentence saying it was saved: a holder's appointment, or
 * an alternate's term (said as such, so the alternate's correction is not taken for the holder's). */
export function correctionWords(person: string, seat: string, role: "holder" | "alternate"): { title: string; done: string } {
  return role === "alternate"
    ? { title: `Correct ${person}'s term as alternate for ${seat}`, done: `${person}'s term as alternate for ${seat} is corrected.` }
    : { title: `Correct ${person}'s appointment to ${seat}`, done: `${person}'s appointment to ${seat} is corrected.` };
}
