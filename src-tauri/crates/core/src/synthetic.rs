//! Synthetic directories for benchmarks: realistic UK group names, postcodes and activities from
//! a fixed seed, so every run measures the same data. Not used by the app itself.

/// A small deterministic generator (xorshift64*), so benchmarks need no extra crate.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PLACES: &[&str] = &[
    "Ordsall",
    "Langworthy",
    "Weaste",
    "Seedley",
    "Pendleton",
    "Kersal",
    "Broughton",
    "Irlam",
    "Cadishead",
    "Eccles",
    "Swinton",
    "Pendlebury",
    "Walkden",
    "Little Hulton",
    "Worsley",
    "Boothstown",
    "Claremont",
    "Winton",
    "Barton",
    "Blackfriars",
    "Higher Broughton",
    "Clifton",
    "Peel Green",
    "Monton",
    "Ellenbrook",
    "Stretford",
    "Altrincham",
    "Sale",
    "Urmston",
    "Partington",
    "Hulme",
    "Moss Side",
    "Longsight",
    "Levenshulme",
    "Gorton",
    "Cheetham Hill",
    "Ancoats",
    "Oldham",
    "Rochdale",
    "Bolton",
    "Wigan",
    "Bury",
    "Stockport",
    "Tameside",
    "Trafford",
    "Leigh",
    "Farnworth",
    "Radcliffe",
    "Middleton",
    "Heywood",
    "Hyde",
    "Denton",
    "Chorlton",
    "Didsbury",
    "Withington",
    "Fallowfield",
    "Rusholme",
    "Ardwick",
    "Openshaw",
    "Clayton",
    "Harpurhey",
];
const SAINTS: &[&str] = &[
    "St John's",
    "St. Mary's",
    "St Paul's",
    "St. Peter's",
    "St Andrew's",
    "St. James",
    "St Luke's",
    "Christ Church",
    "Holy Trinity",
    "St Thomas",
    "St Ambrose",
    "St. Sebastian's",
];
const KINDS: &[&str] = &[
    "Tenants and Residents Association",
    "Community Centre",
    "Youth Forum",
    "Food Bank",
    "Carers Group",
    "Over 50s Club",
    "Allotment Society",
    "Parent and Toddler Group",
    "Credit Union",
    "Community Trust",
    "Boxing Club",
    "Women's Centre",
    "Mental Health Support Group",
    "Refugee Support Network",
    "Disability Forum",
    "Luncheon Club",
    "Men's Shed",
    "Cricket Club",
    "Community Choir",
    "Arts Collective",
    "Advice Centre",
    "Befriending Service",
    "Lions Club",
    "Scout Group",
    "Friends of the Park",
    "Neighbourhood Watch",
    "Dementia Cafe",
    "Sports Association",
    "Foodshare",
    "Community Garden",
    "Youth Club",
    "Homework Club",
    "Tai Chi Group",
    "Walking Group",
];
const LEGAL: &[&str] = &[
    "",
    "",
    "",
    "",
    " CIC",
    " Ltd",
    " Limited",
    " Trust",
    " CIO",
    " (Registered Charity)",
];
const FAITHS: &[&str] = &[
    "Mosque Community Project",
    "Gurdwara Seva Group",
    "Baptist Church Outreach",
    "Methodist Mission",
    "Synagogue Welfare Society",
    "Hindu Cultural Association",
    "Pentecostal Fellowship",
];
const DOING: &[&str] = &[
    "runs weekly drop-in sessions",
    "supports carers and families",
    "provides hot meals",
    "offers debt and benefits advice",
    "organises youth activities",
    "runs a food bank",
    "helps refugees settle",
    "campaigns for better housing",
    "befriends isolated older people",
    "teaches English as a second language",
    "maintains the local park",
    "supports people with dementia",
];
const AREAS: &[&str] = &[
    "M3", "M5", "M6", "M7", "M27", "M28", "M30", "M38", "M44", "M50", "M16", "M32", "M33", "M41",
    "WA14", "WA15",
];
const INWARD_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";

/// One synthetic group: its name, a postcode and a line about what it does.
#[derive(Debug, Clone)]
pub struct SyntheticGroup {
    pub name: String,
    pub postcode: String,
    pub activities: String,
}

pub fn group(rng: &mut Rng) -> SyntheticGroup {
    let name = match rng.below(10) {
        0 => format!(
            "{} {}",
            rng.pick(SAINTS),
            rng.pick(&[
                "Church Hall",
                "Community Centre",
                "Youth Club",
                "Luncheon Club"
            ])
        ),
        1 => format!("{} {}", rng.pick(PLACES), rng.pick(FAITHS)),
        2 => format!(
            "{} and {} {}{}",
            rng.pick(PLACES),
            rng.pick(PLACES),
            rng.pick(KINDS),
            rng.pick(LEGAL)
        ),
        _ => format!(
            "{} {}{}",
            rng.pick(PLACES),
            rng.pick(KINDS),
            rng.pick(LEGAL)
        ),
    };
    let postcode = format!(
        "{} {}{}{}",
        rng.pick(AREAS),
        rng.below(10),
        INWARD_LETTERS[rng.below(INWARD_LETTERS.len())] as char,
        INWARD_LETTERS[rng.below(INWARD_LETTERS.len())] as char
    );
    let activities = format!("{} in {}", rng.pick(DOING), rng.pick(PLACES));
    SyntheticGroup {
        name,
        postcode,
        activities,
    }
}

/// `n` groups; names repeat (as real branches do), which search must cope with.
pub fn directory(n: usize, seed: u64) -> Vec<SyntheticGroup> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| group(&mut rng)).collect()
}

/// Queries as staff would type them: parts of real names, sometimes lower case or misspelt.
pub fn queries(groups: &[SyntheticGroup], n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let name = &groups[rng.below(groups.len())].name;
            let words: Vec<&str> = name.split_whitespace().collect();
            let start = rng.below(words.len());
            let take = 1 + rng.below(3);
            let mut q: String = words[start..(start + take).min(words.len())]
                .join(" ")
                .to_lowercase();
            if q.len() > 14 {
                q.truncate(q.char_indices().nth(14).map(|(i, _)| i).unwrap_or(q.len()));
            }
            if rng.below(4) == 0 && q.len() > 4 {
                q.remove(rng.below(q.len() - 1) + 1); // a dropped letter
            }
            q.trim().to_string()
        })
        .filter(|q| !q.is_empty())
        .collect()
}
