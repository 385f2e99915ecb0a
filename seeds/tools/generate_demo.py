#!/usr/bin/env python3
"""Writes the seed data files under seeds/ (reference data and the fictional demo directory).

    python3 seeds/tools/generate_demo.py

Standard library only, fixed random seed: running it twice writes byte-identical files. The ward
list is read from the ONS ward-to-district lookup (May 2022) in ../shared/data/real when that file is
present; otherwise the same twenty Salford wards embedded below are used. The committed output files
are what the app loads; this script only regenerates them.

Everything in the demo is invented: group and person names, addresses, charity and company numbers.
E-mail addresses use example.org / example.net; telephone numbers come from Ofcom's drama range for
Manchester (0161 496 0000 to 0161 496 0999).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import random
import re
import unicodedata
from pathlib import Path

SEED = 20261123
TODAY = dt.date(2026, 11, 23)  # the demo's "today": staleness and term dates are set against it

ROOT = Path(__file__).resolve().parents[2]  # the project root (seeds/tools/ -> ../..)
SEEDS = ROOT / "seeds"
ONS_FILE = Path(
    os.environ.get(
        "COMPACT_ONS_WARDS",
        ROOT.parent / "shared" / "data" / "real" / "ons_ward_to_lad_may2022_greater_manchester.csv",
    )
)
SALFORD_LAD = "E08000006"

# Fallback when the ONS file is not beside the project (same rows as the file, wd22cd order).
SALFORD_WARDS_FALLBACK = [
    ("E05013018", "Barton & Winton"),
    ("E05013019", "Blackfriars & Trinity"),
    ("E05013020", "Boothstown & Ellenbrook"),
    ("E05013021", "Broughton"),
    ("E05013022", "Cadishead & Lower Irlam"),
    ("E05013023", "Claremont"),
    ("E05013024", "Eccles"),
    ("E05013025", "Higher Irlam & Peel Green"),
    ("E05013026", "Kersal & Broughton Park"),
    ("E05013027", "Little Hulton"),
    ("E05013028", "Ordsall"),
    ("E05013029", "Pendlebury & Clifton"),
    ("E05013030", "Pendleton & Charlestown"),
    ("E05013031", "Quays"),
    ("E05013032", "Swinton & Wardley"),
    ("E05013033", "Swinton Park"),
    ("E05013034", "Walkden North"),
    ("E05013035", "Walkden South"),
    ("E05013036", "Weaste & Seedley"),
    ("E05013037", "Worsley & Westwood Park"),
]

# --------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------

# 000, "Examples of Groups Who May Experience Disadvantage and Exclusion": sixteen entries, in the
# source's order, as short list names. Two keys are fixed because the app maps faith groups and
# BME groups onto them.
CATEGORIES = [
    ("people-with-learning-difficulties", "People with learning difficulties"),
    ("people-with-physical-disabilities", "People with physical disabilities"),
    ("people-with-sensory-impairments", "People with sensory impairments"),
    ("minority-ethnic-groups", "People from minority ethnic groups"),
    ("people-with-mental-health-conditions", "People with mental health conditions"),
    ("people-with-physical-health-conditions", "People with physical health conditions"),
    ("refugees-and-people-seeking-asylum", "Refugees and people seeking asylum"),
    ("young-people", "Young people"),
    ("older-people", "Older people"),
    ("lesbian-gay-bisexual-and-transgender-people", "Lesbian, gay, bisexual and transgender people"),
    ("women", "Women"),
    ("people-with-low-educational-attainment-and-skill-level", "People with low educational attainment and skill level"),
    ("lone-parents", "Lone parents"),
    ("people-with-carer-responsibilities", "People with carer responsibilities"),
    ("people-living-in-a-poor-or-low-status-neighbourhood", "People living in a poor or low status neighbourhood"),
    ("faith-groups", "Faith groups"),
]

# Short codes used in the tables below.
CAT = {
    "LD": "people-with-learning-difficulties",
    "PD": "people-with-physical-disabilities",
    "SI": "people-with-sensory-impairments",
    "ME": "minority-ethnic-groups",
    "MH": "people-with-mental-health-conditions",
    "PH": "people-with-physical-health-conditions",
    "RA": "refugees-and-people-seeking-asylum",
    "YP": "young-people",
    "OP": "older-people",
    "LGBT": "lesbian-gay-bisexual-and-transgender-people",
    "W": "women",
    "EDU": "people-with-low-educational-attainment-and-skill-level",
    "LP": "lone-parents",
    "CR": "people-with-carer-responsibilities",
    "POOR": "people-living-in-a-poor-or-low-status-neighbourhood",
    "F": "faith-groups",
}
# The demo leaves these two categories served by no group at all (the outreach gaps screen).
UNSERVED = ("SI", "LGBT")

# Appendix A of 000 (table 2.4 of 002): the source's words, community side then voluntary side.
FEATURES = [
    (1, "Leadership", "Member led (where the community controls direction and purpose)", "Staff led"),
    (2, "Area", "Neighbourhood, village or community of interest", "Wider geographical area"),
    (3, "Structure", "Less formal structure", "More formal structure"),
    (4, "Income", "Lower or no income", "Higher income"),
    (5, "Membership", "Membership based", "Client-based"),
    (6, "Purpose", "Self help and mutual support", "Support and development"),
    (7, "Services", "Providing informal and autonomous (independent) services", "Providing specialist or contracted services"),
    (8, "Representation", "Representing community interests, tenants, residents and community members", "Supporting client groups"),
]

# --------------------------------------------------------------------------------------------
# Wards and postcodes
# --------------------------------------------------------------------------------------------

W = {
    "BW": "Barton & Winton",
    "BT": "Blackfriars & Trinity",
    "BE": "Boothstown & Ellenbrook",
    "BR": "Broughton",
    "CI": "Cadishead & Lower Irlam",
    "CL": "Claremont",
    "EC": "Eccles",
    "HI": "Higher Irlam & Peel Green",
    "KB": "Kersal & Broughton Park",
    "LH": "Little Hulton",
    "OR": "Ordsall",
    "PC": "Pendlebury & Clifton",
    "PE": "Pendleton & Charlestown",
    "QU": "Quays",
    "SW": "Swinton & Wardley",
    "SP": "Swinton Park",
    "WN": "Walkden North",
    "WS": "Walkden South",
    "WE": "Weaste & Seedley",
    "WW": "Worsley & Westwood Park",
}

NEIGHBOURS = {
    "OR": ["QU", "BT", "WE"],
    "BT": ["OR", "BR", "PE"],
    "BR": ["KB", "BT"],
    "KB": ["BR", "PE"],
    "PE": ["WE", "CL", "KB"],
    "WE": ["OR", "PE", "CL", "EC"],
    "CL": ["WE", "PE", "SP"],
    "EC": ["BW", "WE", "WW"],
    "BW": ["EC", "HI"],
    "HI": ["CI", "BW"],
    "CI": ["HI"],
    "BE": ["WW", "WS"],
    "WW": ["BE", "WS", "EC"],
    "WS": ["WN", "WW"],
    "WN": ["LH", "WS", "SW"],
    "LH": ["WN"],
    "SW": ["SP", "WN", "PC"],
    "SP": ["SW", "CL"],
    "PC": ["SW", "KB"],
    "QU": ["OR"],
}

# Plausible outward codes (postcode districts and sectors) for each ward.
OUTWARD = {
    "BW": ["M30 0", "M30 7", "M30 8"],
    "BT": ["M3 5", "M3 6", "M3 7"],
    "BE": ["M28 1"],
    "BR": ["M7 1", "M7 2"],
    "CI": ["M44 5", "M44 6"],
    "CL": ["M6 7", "M6 8"],
    "EC": ["M30 0", "M30 9"],
    "HI": ["M44 6", "M30 7"],
    "KB": ["M7 3", "M7 4"],
    "LH": ["M38 0", "M38 9"],
    "OR": ["M5 3", "M5 4"],
    "PC": ["M27 4", "M27 6", "M27 8"],
    "PE": ["M6 5", "M6 6", "M7 1"],
    "QU": ["M50 2", "M50 3", "M5 2"],
    "SW": ["M27 0", "M27 5", "M27 9"],
    "SP": ["M27 5", "M6 7"],
    "WN": ["M28 3"],
    "WS": ["M28 2", "M28 7"],
    "WE": ["M6 5", "M6 7", "M5 5"],
    "WW": ["M28 2", "M30 9"],
}
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

STREETS = [
    "Alder Grove", "Ashworth Street", "Beech Avenue", "Belvedere Road", "Birch Close",
    "Bridgewater Walk", "Brindle Way", "Canal Side", "Carr Lane", "Cedar Court", "Chapel Row",
    "Church Walk", "Clover Street", "Cotton Mill Lane", "Croft Street", "Dale View", "Elm Terrace",
    "Fern Bank", "Fold Road", "Forge Lane", "Foundry Street", "Garden Row", "Gorse Avenue",
    "Hawthorn Road", "Heath Lane", "Hollins Close", "Irwell View", "Kiln Street", "Larch Way",
    "Lock Keeper Road", "Malt Street", "Meadow Lane", "Mill Brow", "Moss Bank", "Nursery Street",
    "Oak Bank", "Orchard Way", "Park Terrace", "Pinfold Lane", "Poplar Street", "Quarry Road",
    "Rowan Close", "Sefton Row", "Spinner Street", "Station Approach", "Tanner Lane",
    "Towpath Walk", "Union Street", "Viaduct Road", "Weaver Close", "Wharf Lane", "Willow Grove",
]
VENUES = [
    "Community Centre", "Resource Centre", "Community Hall", "Neighbourhood Hub", "Old Library",
    "Youth and Community Centre", "Enterprise Centre",
]

# The name a local venue would carry in each ward.
AREA = {
    "BW": "Winton", "BT": "Trinity", "BE": "Boothstown", "BR": "Broughton", "CI": "Cadishead",
    "CL": "Claremont", "EC": "Eccles", "HI": "Irlam", "KB": "Kersal", "LH": "Little Hulton",
    "OR": "Ordsall", "PC": "Pendlebury", "PE": "Pendleton", "QU": "Quays", "SW": "Swinton",
    "SP": "Swinton Park", "WN": "Walkden", "WS": "Walkden", "WE": "Seedley", "WW": "Westwood Park",
}

OFFICERS = ["JF", "RA", "TD", "SO", "Jo Farrant", "Ravi Anand", "Tess Doyle", "Sam Okoro"]

# --------------------------------------------------------------------------------------------
# Groups. One tuple per group:
#   (key, name, ward, suggested class by features, activities, options)
# class: C community, V voluntary, M mixed, U not yet classified (fewer than 5 features known).
# options: cats (short codes), ids ("chc", "coh", "chc+coh"), faith, bme ("led", "serving",
#   "both"), ent ("social"/"community"), interest, place ("own", "near", "none"), status,
#   other (other names), override (class, reason), web (bool), email (bool), checked (fixed
#   last_checked or None for never), same_as (key of the near-duplicate it copies the address of)
# --------------------------------------------------------------------------------------------

GROUPS = [
    # --- tenants' and residents' associations, neighbourhood groups ---
    ("ordsall_tra", "Ordsall Tenants and Residents Association", "OR", "C",
     "Residents' association for the Ordsall estates: monthly open meetings, walkabouts with the housing provider and a summer gala.",
     dict(cats=["POOR"], other=["Ordsall TRA"], place="near", email=True)),
    ("langworthy_rt", "Langworthy Residents Together", "WE", "C",
     "Street-by-street residents' group that runs clean-up days, a residents' newsletter and a monthly surgery with ward councillors.",
     dict(cats=["POOR"], place="own")),
    ("lh_tra", "Little Hulton Tenants and Residents Association", "LH", "C",
     "Tenants' and residents' association covering the Little Hulton estates; represents tenants to the housing provider and runs a residents' fun day.",
     dict(cats=["POOR"], other=["LHTRA"], place="own", email=True)),
    ("lh_tra_dup", "Little Hulton Tenants & Residents Association", "LH", "U",
     "Tenants and residents association (entry imported from a 2023 grants spreadsheet).",
     dict(cats=["POOR"], place="own", same_as="lh_tra", web=False, email=False)),
    ("trinity_ra", "Trinity Estate Residents Association", "BT", "C",
     "Residents' association for the Trinity flats and maisonettes; meets monthly and campaigns on repairs and lighting.",
     dict(cats=["POOR"], place="own")),
    ("westwood_rg", "Westwood Park Residents Group", "WW", "C",
     "Residents' group for the Westwood Park estate: litter picks, a community noticeboard and a Christmas lights switch-on.",
     dict(cats=["POOR"], place="own")),
    ("swinton_park_ra", "Swinton Park Residents Association", "SP", "C",
     "Residents' association that looks after the park's bowling green pavilion and runs coffee mornings for older residents.",
     dict(cats=["OP"], place="own")),
    ("boothstown_ca", "Boothstown Village Community Association", "BE", "C",
     "Volunteer-run community association organising the village fete, a heritage walk programme and the village hall bookings.",
     dict(cats=[], place="near", web=True)),
    ("worsley_ca", "Worsley Village Community Association", "WW", "C",
     "Village community association: hanging baskets, heritage open days and a monthly village market.",
     dict(cats=[], place="own", web=True)),
    ("quays_rf", "Quays Residents Forum", "QU", "C",
     "Forum for residents of the apartment blocks around the Quays; raised issues with managing agents. Stopped meeting in 2024.",
     dict(cats=[], place="own", status="closed", checked="2024-05-14")),
    ("claremont_nw", "Claremont Neighbourhood Watch", "CL", "U",
     "Neighbourhood watch scheme for the streets around Claremont Road.",
     dict(cats=[], place="own", email=False)),

    # --- families, children, young people ---
    ("charlestown_toddlers", "Charlestown Parent and Toddler Group", "PE", "C",
     "Weekly parent-and-toddler session in the community hall, run by parents; free for families on low incomes.",
     dict(cats=["LP", "W"], place="own", email=False)),
    ("winton_stay_play", "Winton Wednesday Stay and Play", "BW", "C",
     "Parent-led stay-and-play group for under-fives with a toy library and healthy snacks.",
     dict(cats=["LP"], place="near")),
    ("pendlebury_tots", "Pendlebury Mums and Tots", "PC", "C",
     "Informal weekly group where parents and carers of babies and toddlers meet, play and support each other.",
     dict(cats=["LP", "W"], place="own", email=False)),
    ("lone_parents_net", "Seedley and Langworthy Lone Parents Network", "WE", "C",
     "Self-help network of single parents: peer support evenings, a clothes swap and school-holiday trips.",
     dict(cats=["LP", "W"], place="near")),
    ("cadishead_young_mums", "Cadishead Young Mums", "CI", "U",
     "Drop-in group for young mothers under 25 with a creche, meeting at the library.",
     dict(cats=["LP", "W", "YP"], place="own")),
    ("lh_youth_forum", "Little Hulton Youth Forum", "LH", "C",
     "Young people aged 11 to 19 who meet weekly, plan activities for their area and speak for young people to the council.",
     dict(cats=["YP"], place="own")),
    ("young_peoples_forum", "Salford Young People's Forum", "BT", "C",
     "Citywide forum run by and for young people aged 11 to 25; elects members to youth council and partnership seats.",
     dict(cats=["YP"], place="none", interest="Young people aged 11 to 25 across the city", web=True)),
    ("care_leavers_forum", "Salford Care Leavers Forum", "PE", "U",
     "Peer group of young people who have left care; meets monthly with a youth worker.",
     dict(cats=["YP"], place="none", interest="Young people who have left local authority care")),
    ("cadishead_jfc", "Cadishead Junior Football Club", "CI", "C",
     "Volunteer-run junior football club with teams from under-7s to under-16s and a girls' section.",
     dict(cats=["YP"], place="near", web=True)),
    ("ordsall_boxing", "Ordsall Amateur Boxing Club", "OR", "C",
     "Boxing and fitness sessions for young people, run by volunteer coaches who grew up on the estate.",
     dict(cats=["YP", "POOR"], place="own", ids="chc")),
    ("patricroft_funday", "Patricroft Family Fun Day Committee", "BW", "C",
     "Residents' committee that organised an annual family fun day in Patricroft; has not met since its chair moved away.",
     dict(cats=["YP", "POOR"], place="own", status="dormant", checked="2023-08-02", email=False)),
    ("blackfriars_artists", "Blackfriars Young Artists Collective", "BT", "U",
     "Young artists sharing studio space and running free art workshops for teenagers.",
     dict(cats=["YP"], place="none", interest="Young people interested in art and design")),

    # --- older people, lunch clubs ---
    ("cadishead_over60s", "Cadishead Over-60s Lunch Club", "CI", "C",
     "Twice-weekly lunch club with a hot meal, bingo and outings, run by its members.",
     dict(cats=["OP"], place="own", email=False)),
    ("irlam_lunch", "Irlam Lunch and Friendship Club", "HI", "C",
     "Members' lunch and friendship club for older people in Irlam and Peel Green, with transport for those who need it.",
     dict(cats=["OP"], place="near")),
    ("wardley_walking_fc", "Wardley Walking Football Club", "SW", "C",
     "Walking football for men and women over 50, including players recovering from heart conditions.",
     dict(cats=["OP", "PH"], place="near")),
    ("kersal_bowls", "Kersal Moor Bowling Club", "KB", "C",
     "Crown green bowling club with a social section for older members.",
     dict(cats=["OP"], place="own")),
    ("weaste_lunch", "Weaste Lunch Club", "WE", "U",
     "Lunch club for older people meeting on Thursdays in a church hall.",
     dict(cats=["OP"], place="own", email=False)),
    ("swinton_bowls", "Swinton Park Bowls Club", "SP", "U",
     "Bowls club in Swinton Park; the green has been closed for repairs and the club is not currently meeting.",
     dict(cats=["OP"], place="own", status="dormant", checked="2024-03-19", email=False)),
    ("caribbean_elders", "Salford Caribbean Elders Association", "PE", "M",
     "Day centre and social club for older people of Caribbean heritage, with a lunch service contracted by the council.",
     dict(cats=["OP"], bme="both", place="none", interest="Older people of African Caribbean heritage", ids="chc")),
    ("chinese_elders", "Salford Chinese Elders Lunch Club", "OR", "C",
     "Cantonese-speaking lunch club and tai chi group for older Chinese people.",
     dict(cats=["OP"], bme="both", place="none", interest="Older Chinese people across the city")),

    # --- health, disability, carers (self-help) ---
    ("clifton_carers", "Clifton Carers Coffee Morning", "PC", "C",
     "Monthly coffee morning where unpaid carers meet, share tips and have a break.",
     dict(cats=["CR"], place="near", email=False)),
    ("walkden_stroke", "Walkden Stroke Survivors Club", "WN", "C",
     "Self-help club for people who have had a stroke and their families: exercise, speech practice and outings.",
     dict(cats=["PH", "PD", "CR"], place="near")),
    ("dementia_carers", "Walkden Gateway Dementia Carers Group", "WN", "C",
     "Peer support group for people caring for a relative with dementia, meeting at the health centre.",
     dict(cats=["CR", "OP"], place="near")),
    ("hearing_voices", "Salford Hearing Voices Group", "PE", "C",
     "Self-help group for people who hear voices or have unusual experiences, run by members.",
     dict(cats=["MH"], place="none", interest="People who hear voices")),
    ("parkinsons", "Salford Parkinson's Support Group", "SP", "C",
     "Members' support group for people with Parkinson's and their partners: talks, exercise classes and social events.",
     dict(cats=["PH", "CR"], place="none", interest="People living with Parkinson's and their families", ids="chc")),
    ("self_advocates", "Salford Self Advocates", "PE", "C",
     "Self-advocacy group run by people with learning difficulties; speaks up on services and trains professionals.",
     dict(cats=["LD"], place="none", interest="People with learning difficulties",
          override=("mixed", "Members lead the meetings, but a paid worker from Disability Together Salford holds the funding and contracts; set as mixed until the group constitutes independently."))),
    ("lh_mens_shed", "Little Hulton Men's Shed", "LH", "C",
     "Workshop where men, many retired or living alone, repair furniture and bikes and look out for each other.",
     dict(cats=["MH", "OP"], place="near")),
    ("kersal_mens_mh", "Kersal Men's Mental Health Group", "KB", "U",
     "Fortnightly talking group for men, started after a local football club appeal.",
     dict(cats=["MH"], place="own")),
    ("ellenbrook_garden", "Ellenbrook Community Garden Group", "BE", "C",
     "Volunteers growing fruit and vegetables on a disused bowling green, with sessions for people referred by their GP.",
     dict(cats=["MH"], place="own")),
    ("quays_running", "Quays Social Running Group", "QU", "U",
     "Free weekly social run for beginners, promoted for wellbeing.",
     dict(cats=["MH"], place="own")),
    ("ellenbrook_walkers", "Ellenbrook Ladies Walking Group", "BE", "U",
     "Weekly walking group for women along the Loopline.",
     dict(cats=["W"], place="near", email=False)),
    ("walkden_disability_sports", "Walkden Disability Sports Club", "WS", "M",
     "Inclusive sports club offering boccia, wheelchair basketball and swimming for disabled children and adults.",
     dict(cats=["PD", "LD"], place="near", ids="chc")),

    # --- BME, refugee and migrant community groups ---
    ("somali_assoc", "Broughton Somali Community Association", "BR", "C",
     "Somali community association: homework club, women's group, advice sessions and celebrations of Somali culture.",
     dict(cats=["RA", "YP"], bme="both", place="near", interest="Somali families in the city", ids="chc")),
    ("eritrean_comm", "Eritrean Community in Salford", "BR", "C",
     "Members' association of Eritrean families: Tigrinya classes for children, welcome for new arrivals and cultural events.",
     dict(cats=["RA"], bme="both", place="none", interest="Eritrean people living in the city")),
    ("polish_school", "Salford Polish Saturday School", "PE", "C",
     "Parent-run Saturday school teaching Polish language, history and culture to children.",
     dict(cats=["YP"], bme="both", place="none", interest="Polish-speaking families", ids="chc")),
    ("african_womens_circle", "Pendleton African Women's Circle", "PE", "C",
     "Support circle for African women: peer support, sewing and business skills, and help with health appointments.",
     dict(cats=["W", "EDU"], bme="both", place="near", interest="African women in Pendleton and Charlestown")),
    ("roma_families", "Salford Roma Families Group", "BR", "U",
     "Support group for Roma families: school liaison and help with registering with GPs.",
     dict(cats=["YP", "EDU"], bme="both", place="near", interest="Roma families")),
    ("ukrainian_families", "Walkden Ukrainian Families Support Group", "WN", "U",
     "Families who arrived under the Ukraine schemes and their hosts, meeting weekly for conversation and practical help.",
     dict(cats=["RA"], place="none", interest="Ukrainian families and their hosts")),

    # --- faith groups ---
    ("eccles_masjid", "Eccles Masjid Community Project", "EC", "C",
     "The mosque's community project: youth club, women's exercise classes, and a Friday food parcel service open to all.",
     dict(cats=["YP", "W", "POOR"], faith="Muslim", bme="both", place="near", ids="chc")),
    ("st_ambrose_toddlers", "St Ambrose's Church Toddler Group", "CL", "C",
     "Church-run toddler group in the parish hall, open to families of any faith or none.",
     dict(cats=["LP"], faith="Christian (Church of England)", place="own", email=False)),
    ("jewish_mothers", "Broughton Park Jewish Mothers' Network", "KB", "C",
     "Mutual support network of Orthodox Jewish mothers: meal rotas after a birth, baby equipment loan and parenting talks.",
     dict(cats=["W", "LP"], faith="Jewish", place="near", interest="Orthodox Jewish families in Broughton Park")),
    ("walkden_methodist_lunch", "Walkden Methodist Church Lunch Club", "WS", "C",
     "Weekly lunch club for older people run by church members; everyone welcome.",
     dict(cats=["OP"], faith="Christian (Methodist)", place="near", email=False)),
    ("redeemed_life", "Redeemed Life Fellowship Community Outreach", "BT", "C",
     "Outreach arm of an African-led Pentecostal church: food parcels, a homework club and help for families new to the area.",
     dict(cats=["POOR", "YP"], faith="Christian (Pentecostal)", bme="led", place="near")),
    ("interfaith_women", "Salford Interfaith Women's Group", "PE", "C",
     "Women of different faiths meeting monthly to share food, visit places of worship and work on joint projects.",
     dict(cats=["W"], faith="Interfaith", place="none", interest="Women of all faiths across the city")),
    ("st_vincents", "St Vincent's Outreach Salford", "OR", "V",
     "Catholic charity with paid staff running a drop-in, befriending for isolated older people and emergency grants.",
     dict(cats=["POOR", "OP"], faith="Christian (Roman Catholic)", place="none", interest="People in hardship across the city", ids="chc")),
    ("jewish_welfare", "Broughton Jewish Welfare Board", "KB", "V",
     "Welfare charity for the Jewish community: home care, meals on wheels, carers' support and a day centre.",
     dict(cats=["OP", "CR", "PD"], faith="Jewish", place="near", interest="Jewish older people and carers", ids="chc+coh")),
    ("muslim_welfare", "Salford Muslim Welfare Trust", "BR", "V",
     "Welfare trust with caseworkers giving advice, hardship grants and resettlement support to refugees and families in need.",
     dict(cats=["POOR", "RA"], faith="Muslim", bme="both", place="none", interest="Families in hardship across the city", ids="chc+coh")),
    ("sikh_seva", "Salford Sikh Community Seva", "SW", "U",
     "Volunteers from the gurdwara congregation serving free vegetarian meals (langar) in the community every Sunday.",
     dict(cats=["POOR"], faith="Sikh", bme="led", place="none", interest="Sikh community",
          override=("community", "Features not recorded yet, but the officer's visit confirmed it is run entirely by volunteers from the congregation with no income beyond donations."))),
    ("hindu_cultural", "Salford Hindu Cultural Society", "SP", "U",
     "Hindu cultural society running festival celebrations and Gujarati classes.",
     dict(cats=["YP"], faith="Hindu", bme="led", place="none", interest="Hindu families")),
    ("st_johns_cc", "St John's Community Centre", "WE", "M",
     "Church-owned community centre with a paid manager: room hire, luncheon club, a foodbank collection point and youth nights.",
     dict(cats=["OP", "YP", "POOR"], faith="Christian (Church of England)", place="near", ids="chc")),
    ("st_johns_cc_dup", "St Johns Community Centre", "WE", "U",
     "Community centre, hall hire (entry added from the room bookings list).",
     dict(cats=[], place="own", same_as="st_johns_cc", web=False)),

    # --- food, poverty, neighbourhood enterprise ---
    ("broughton_food_share", "Broughton Hub Food Share", "BR", "C",
     "Members' food pantry: a small weekly fee buys a bag of groceries; run by volunteers who are also members.",
     dict(cats=["POOR"], place="own")),
    ("eccles_food_bank", "Eccles Food Bank", "EC", "M",
     "Food bank with a paid coordinator and volunteers, giving emergency food parcels on referral from agencies.",
     dict(cats=["POOR"], place="near", ids="chc", other=["Eccles & Patricroft Food Bank"],
          override=("voluntary", "Referral-only service with a paid coordinator, part of a national food bank network; treated as a voluntary organisation for partnership balance."))),
    ("eccles_food_bank_dup", "Eccles Foodbank", "EC", "U",
     "Foodbank (from the council's emergency food list).",
     dict(cats=["POOR"], place="own", same_as="eccles_food_bank", web=False)),
    ("pendleton_pantry", "Pendleton Community Pantry", "PE", "M",
     "Community pantry with a part-time coordinator; members pay a small fee and get budgeting advice.",
     dict(cats=["POOR"], place="near")),
    ("langworthy_cafe", "Langworthy Community Cafe CIC", "WE", "M",
     "Community interest company running a pay-as-you-feel cafe, training local people in catering.",
     dict(cats=["POOR", "EDU"], ent="social", place="near", ids="coh")),
    ("furniture_reuse", "Salford Furniture Reuse CIC", "BW", "M",
     "Social enterprise collecting and restoring furniture; sells it at low cost and provides free starter packs to people leaving homelessness.",
     dict(cats=["POOR"], ent="social", place="none", interest="Households on low incomes across the city", ids="coh")),
    ("ordsall_energy", "Ordsall Community Energy Co-operative", "OR", "M",
     "Community-owned co-operative with solar panels on local buildings; profits fund energy advice for residents.",
     dict(cats=["POOR"], ent="community", place="near")),
    ("broughton_trust", "Broughton Community Development Trust", "BR", "M",
     "Community development trust that owns and runs the Broughton community centre, a cafe and managed workspace.",
     dict(cats=["POOR", "EDU", "YP"], ent="community", place="near", ids="chc+coh",
          override=("community", "Owned and controlled by Broughton residents as a community enterprise; its income is high because it runs the building, which puts features 4 and 7 on the voluntary side."))),
    ("lh_together", "Little Hulton Together Partnership", "LH", "M",
     "Residents' partnership spending a ten-year lottery award on the area: small grants, events and a community hub.",
     dict(cats=["POOR", "YP", "OP"], place="near",
          override=("community", "Decisions are made by a residents' steering group; the development worker is employed by the accountable body and does not direct the partnership."))),
    ("pendlebury_hub", "Pendlebury Community Hub CIC", "PC", "M",
     "Community interest company running a hub with a cafe, IT drop-in and job club.",
     dict(cats=["EDU", "POOR"], ent="social", place="near", ids="coh")),
    ("cadishead_cc", "Cadishead Community Centre Association", "CI", "M",
     "Association managing the community centre under a lease from the council, with a part-time caretaker and a busy programme of classes.",
     dict(cats=["OP", "YP"], place="near", ids="chc")),
    ("swinton_library_friends", "Swinton Community Library Friends", "SW", "M",
     "Volunteers running the community library with council support: reading groups, homework help and digital skills sessions.",
     dict(cats=["EDU", "OP"], place="near", ids="chc")),
    ("ordsall_lads_girls", "Ordsall Lads and Girls Club", "OR", "M",
     "Long-established youth club with paid youth workers and volunteers; sports, music studio and detached youth work.",
     dict(cats=["YP", "POOR"], place="near", ids="chc")),
    ("credit_union", "Irwell Credit Union", "WW", "M",
     "Credit union offering savings accounts and affordable loans, with collection points in community centres.",
     dict(cats=["POOR"], place="none", interest="Residents and workers in the city")),

    # --- parks, heritage, environment, leisure ---
    ("kersal_dale_friends", "Kersal Dale Friends Group", "KB", "C",
     "Friends of the Kersal Dale woodland: conservation days and bird walks. Few volunteers since 2024.",
     dict(cats=[], place="own", status="dormant", checked="2024-09-10")),
    ("peel_green_allotments", "Peel Green Allotment Society", "HI", "C",
     "Allotment society managing 40 plots, with a raised bed for members with limited mobility.",
     dict(cats=["PD"], place="own")),
    ("weaste_cemetery_friends", "Weaste Cemetery Heritage Friends", "WE", "C",
     "Volunteers researching and giving tours of the cemetery's history and graves.",
     dict(cats=[], place="near", web=True)),
    ("litter_pickers", "Irlam and Cadishead Community Litter Pickers", "CI", "C",
     "Volunteer litter pickers who adopt streets and the canal bank; equipment loaned by the council.",
     dict(cats=[], place="near")),
    ("winton_orchard", "Winton Community Orchard", "BW", "U",
     "Neighbours planting and looking after a small orchard on a former garage site.",
     dict(cats=[], place="own")),
    ("boothstown_books", "Boothstown Book Club", "BE", "U",
     "Monthly book club in the village hall; paused since the organiser stepped down.",
     dict(cats=[], place="own", status="dormant", checked="2023-11-28", email=False)),
    ("peel_green_cinema", "Peel Green Community Cinema", "HI", "U",
     "Volunteer-run monthly film nights in the church hall; wound up in 2025.",
     dict(cats=[], place="own", status="closed", checked="2025-04-03")),
    ("irlam_band", "Irlam Silver Band", "HI", "U",
     "Community brass band with a learners' band for children.",
     dict(cats=["YP"], place="near", web=True)),

    # --- citywide and larger voluntary organisations ---
    ("advice_rights", "Salford Advice and Rights Centre", "PE", "V",
     "Citywide advice service: welfare benefits, debt, housing and employment advice, with outreach in GP surgeries and community centres.",
     dict(cats=["POOR", "PD", "MH", "RA"], place="none", interest="Anyone who lives or works in the city", ids="chc+coh", other=["SARC"])),
    ("hospice", "Irwell Valley Hospice", "WN", "V",
     "Hospice providing inpatient and community palliative care, bereavement support and day therapy.",
     dict(cats=["PH", "CR", "OP"], place="none", interest="People with life-limiting illnesses and their families", ids="chc+coh")),
    ("carers_trust", "Irwell Carers Trust", "SW", "V",
     "Carers' centre giving information, carers' assessments on behalf of the council, breaks and training for unpaid carers.",
     dict(cats=["CR"], place="none", interest="Unpaid carers of all ages", ids="chc+coh")),
    ("young_carers", "Irwell Young Carers", "SW", "V",
     "Project of the carers' trust supporting young carers aged 8 to 18 with clubs, trips and school liaison.",
     dict(cats=["CR", "YP"], place="none", interest="Young carers aged 8 to 18", ids="chc")),
    ("disability_together", "Disability Together Salford", "CL", "V",
     "Disabled people's organisation and service provider: advocacy, direct payments support and accessible information.",
     dict(cats=["PD", "LD"], place="none", interest="Disabled people and their families", ids="chc+coh")),
    ("open_minds", "Open Minds Salford", "BT", "V",
     "Mental health charity with wellbeing courses, a crisis cafe and supported housing.",
     dict(cats=["MH"], place="none", interest="Adults with mental health conditions", ids="chc+coh")),
    ("sanctuary_welcome", "Salford Sanctuary Welcome", "BR", "V",
     "Refugee and asylum charity: drop-ins, casework, English conversation and a hardship fund.",
     dict(cats=["RA", "EDU"], bme="serving", place="none", interest="Refugees and people seeking asylum", ids="chc")),
    ("later_life", "Salford Later Life Trust", "EC", "V",
     "Older people's charity: information and advice, befriending, falls prevention classes and a handyperson service.",
     dict(cats=["OP"], place="none", interest="People aged 50 and over", ids="chc+coh")),
    ("womens_refuge", "Irwell Women's Refuge Trust", "SP", "V",
     "Refuge and community outreach for women and children escaping domestic abuse.",
     dict(cats=["W", "LP"], place="none", interest="Women and children affected by domestic abuse", ids="chc+coh")),
    ("supported_living", "Brindle Lane Supported Living", "WS", "V",
     "Provider of supported living and day opportunities for adults with learning difficulties.",
     dict(cats=["LD"], place="none", interest="Adults with learning difficulties", ids="chc+coh")),
    ("youth_works", "Salford Youth Works", "OR", "V",
     "Youth work charity running detached youth work, a youth centre and alternative education.",
     dict(cats=["YP", "EDU"], place="none", interest="Young people aged 11 to 25", ids="chc+coh")),
    ("second_chance", "Second Chance Learning Salford", "BT", "V",
     "Adult learning charity: English and maths, digital skills and vocational courses for people without qualifications.",
     dict(cats=["EDU"], place="none", interest="Adults without qualifications", ids="chc")),
    ("single_parents", "Single Parents Salford", "WE", "V",
     "Charity supporting single-parent families with advice, a helpline and back-to-work courses.",
     dict(cats=["LP", "W"], place="none", interest="Single-parent families", ids="chc")),
    ("heart_lung", "Salford Heart and Lung Support", "EC", "V",
     "Charity running pulmonary rehabilitation exercise and information sessions under an NHS contract.",
     dict(cats=["PH"], place="none", interest="People with heart and lung conditions", ids="chc")),
    ("recovery", "Recovery Republic Salford", "CL", "V",
     "Drug and alcohol recovery charity with peer mentors, a recovery cafe and family support.",
     dict(cats=["MH", "PH"], place="none", interest="People in recovery from drug and alcohol use", ids="chc+coh")),
    ("housing_support", "Irwell Housing Support Trust", "BT", "V",
     "Homelessness charity: hostel, tenancy sustainment and a rough sleepers' outreach team.",
     dict(cats=["POOR", "MH"], place="none", interest="People who are homeless or at risk of homelessness", ids="chc+coh")),
    ("south_asian_health", "Salford South Asian Health Network", "BR", "V",
     "Health charity with bilingual health trainers working with South Asian communities on diabetes and heart health.",
     dict(cats=["PH"], bme="both", place="none", interest="South Asian communities", ids="chc")),
    ("esol_project", "Cityside ESOL Project", "BR", "V",
     "English classes for speakers of other languages, with creche and volunteer conversation partners.",
     dict(cats=["EDU", "RA"], place="none", interest="Adults learning English", ids="chc")),
    ("little_steps", "Little Steps Family Support", "LH", "V",
     "Family support charity commissioned to run parenting programmes and home visiting for families with young children.",
     dict(cats=["LP", "YP"], place="none", interest="Families with children under five", ids="chc+coh")),
    ("dial_a_ride", "Irwell Dial-a-Ride", "SW", "V",
     "Door-to-door accessible transport for disabled and older people who cannot use buses.",
     dict(cats=["PD", "OP"], place="none", interest="Disabled and older people who cannot use public transport", ids="chc+coh")),
    ("work_ready", "Work Ready Salford", "PC", "V",
     "Employment support charity delivering contracted back-to-work programmes and training.",
     dict(cats=["EDU", "POOR"], place="none", interest="Unemployed adults", ids="chc+coh")),
    ("autism_families", "Salford Autism Family Network", "WW", "V",
     "Charity supporting autistic children and adults and their families with a helpline, training and short breaks.",
     dict(cats=["LD", "CR"], place="none", interest="Autistic people and their families", ids="chc")),
    ("brain_injury", "Salford Brain Injury Support", "EC", "V",
     "Rehabilitation and support for people with acquired brain injury and their carers.",
     dict(cats=["PD", "PH", "CR"], place="none", interest="People with acquired brain injury", ids="chc")),
    ("talking_space", "Talking Space Salford", "WW", "V",
     "Low-cost counselling service with qualified counsellors, contracted by the NHS for talking therapies.",
     dict(cats=["MH"], place="none", interest="Adults needing counselling", ids="chc+coh")),
    ("active_futures", "Salford Active Futures", "QU", "V",
     "Sports charity using football and multi-sports sessions to engage young people in education and training.",
     dict(cats=["YP", "EDU"], place="none", interest="Young people not in education, employment or training", ids="chc+coh")),
    ("arts_health", "Salford Arts for Health", "BT", "V",
     "Arts charity running creative courses for people with mental health conditions, on referral from GPs.",
     dict(cats=["MH"], place="none", interest="Adults with mental health conditions", ids="chc")),
    ("rivers_trust", "Irwell Rivers Trust", "QU", "V",
     "Environmental charity restoring the river corridors and running volunteer conservation programmes.",
     dict(cats=[], place="none", interest="People who use the river corridors", ids="chc+coh")),
    ("heritage_trust", "Salford Heritage Trust", "BW", "V",
     "Heritage charity with staff managing two historic buildings, an archive and a schools programme.",
     dict(cats=[], place="none", interest="Local history and heritage", ids="chc+coh")),
    ("pathways_work", "Pathways to Work Salford", "WS", "V",
     "Supported employment service helping adults with learning difficulties into paid work.",
     dict(cats=["LD", "EDU"], place="none", interest="Adults with learning difficulties seeking work", ids="chc")),
    ("debt_line", "Cityside Money Advice", "CL", "V",
     "Debt advice charity with paid caseworkers and a contract with the local housing providers.",
     dict(cats=["POOR"], place="none", interest="Households in debt", ids="chc")),
    ("digital_inclusion", "Quays Digital Inclusion Trust", "QU", "V",
     "Charity with paid tutors teaching digital skills and lending laptops and data to people on low incomes.",
     dict(cats=["EDU", "POOR", "OP"], place="none", interest="People without digital skills or devices", ids="chc+coh")),
    ("lh_youth_project", "Little Hulton Youth Project", "LH", "V",
     "Youth project with paid youth workers running open-access youth nights and a holiday programme.",
     dict(cats=["YP"], place="near", ids="chc")),
    ("boothstown_scouts", "Boothstown and Ellenbrook Scouts", "BE", "C",
     "Scout group with Beavers, Cubs and Scouts sections led by volunteer leaders.",
     dict(cats=["YP"], place="near", ids="chc")),
    ("swinton_lions_youth", "Swinton Park Youth Cricket", "SP", "C",
     "Junior cricket club with volunteer coaches and free taster sessions in local schools.",
     dict(cats=["YP"], place="near")),
    ("pc_residents", "Clifton and Pendlebury Residents Forum", "PC", "C",
     "Residents' forum covering Clifton and Pendlebury; organises community clean-ups and meetings with the police.",
     dict(cats=["POOR"], place="own")),
    ("walkden_north_ra", "Walkden North Residents Association", "WN", "C",
     "Residents' association running a community notice board, a summer fair and meetings with ward councillors.",
     dict(cats=["POOR"], place="own")),
]

# --------------------------------------------------------------------------------------------
# People (invented names from the city's communities; no real public figure)
#   (key, name, lawful basis: "c" consent / "l" legitimate interest)
# --------------------------------------------------------------------------------------------

PEOPLE = [
    # community and voluntary sector
    ("margaret", "Margaret Dunleavy", "c"),
    ("hodan", "Hodan Abdille", "c"),
    ("kieran", "Kieran Mulcahy", "c"),
    ("bernadette", "Bernadette Quayle", "c"),
    ("yonatan", "Yonatan Berkovits", "l"),
    ("chaya", "Chaya Rosenfeld", "c"),
    ("samina", "Samina Qureshi", "c"),
    ("folasade", "Folasade Adeyemi", "c"),
    ("tesfay", "Tesfay Gebremedhin", "c"),
    ("agnieszka", "Agnieszka Wróblewska", "c"),
    ("weiling", "Wei Ling Chan", "c"),
    ("delroy", "Delroy Barrington", "c"),
    ("grace", "Grace Okonkwo-Bell", "l"),
    ("sarah", "Sarah Pilkington", "l"),
    ("jamal", "Jamal Haddad", "l"),
    ("shirin", "Shirin Karimi", "l"),
    ("gary", "Gary Hulme", "c"),
    ("lorraine", "Lorraine Whitworth", "c"),
    ("dave", "Dave Entwistle", "c"),
    ("chloe", "Chloe Barraclough", "c"),
    ("tyler", "Tyler Nwosu", "c"),
    ("jade", "Jade Costello", "c"),
    ("paula", "Paula Hindley", "l"),
    ("rizwan", "Rizwan Aslam", "l"),
    ("niamh", "Niamh Gallagher", "l"),
    ("stephen", "Stephen Ashworth", "l"),
    ("helen", "Helen Marsden", "l"),
    ("joanne", "Joanne Kilbride", "l"),
    ("martin", "Martin Seddon", "l"),
    ("priya", "Priya Raman", "l"),
    ("bashir", "Bashir Farah", "l"),
    ("fiona", "Fiona McAllister", "l"),
    ("ruth", "Ruth Greenhalgh", "l"),
    ("callum", "Callum Fairclough", "l"),
    ("natalia", "Natalia Popescu", "c"),
    ("owen", "Owen Tattersall", "l"),
    ("anthony", "Anthony Cropper", "l"),
    ("michelle", "Michelle Hargreaves", "l"),
    ("pauline", "Pauline Grimshaw", "l"),
    ("eamon", "Eamon Doherty", "c"),
    ("kerry", "Kerry Ashcroft", "l"),
    ("idris", "Idris Sesay", "l"),
    ("daniel", "Daniel Fitzpatrick", "l"),
    ("beverley", "Beverley Nuttall", "c"),
    ("lisa", "Lisa Partington", "c"),
    ("rachel", "Rachel Blum", "c"),
    ("harpreet", "Harpreet Sandhu", "c"),
    ("carl", "Carl Openshaw", "c"),
    ("zainab", "Zainab Oyelaran", "c"),
    ("joyce", "Joyce Ainsworth", "c"),
    ("hannah", "Hannah Lees", "c"),
    ("ashleigh", "Ashleigh Crompton", "l"),
    ("brenda", "Brenda Fogarty", "c"),
    ("gemma", "Gemma Riordan", "l"),
    ("kwame", "Kwame Asante-Boateng", "l"),
    ("mei", "Mei Tran", "c"),
    # public sector, business and others
    ("graham", "Graham Whitehead", "l"),
    ("claire", "Claire Mottram", "l"),
    ("anjali", "Anjali Mistry", "l"),
    ("neil", "Neil Barlow", "l"),
    ("janet", "Janet Broadbent", "l"),
    ("victoria", "Victoria Lomax", "l"),
    ("richard", "Richard Okafor", "l"),
    ("susan", "Susan Tierney", "l"),
    ("mark", "Mark Halliwell", "l"),
    ("kate", "Kate Sherrington", "l"),
    ("ben", "Ben Ogden", "l"),
    ("lucy", "Lucy Farnworth", "l"),
    ("jonathan", "Jonathan Ridings", "l"),
    ("sunita", "Sunita Vyas", "l"),
    ("phil", "Phil Greaves", "l"),
    ("maureen", "Maureen Cassidy", "l"),
    ("gareth", "Gareth Bramwell", "l"),
    ("ifeoma", "Ifeoma Obi", "l"),
    ("deborah", "Deborah Lythgoe", "l"),
    ("yvonne", "Yvonne Ackroyd", "l"),
    ("frank", "Frank Heywood", "l"),
    ("sheila", "Sheila Rothwell", "l"),
]

# --------------------------------------------------------------------------------------------
# Partnerships and seats.
# A seat: (label, sector, constituency, [category codes], [ward codes], selection words,
#          holder, alternate)
# An appointment: (person key, group key or None, term_start, term_end or None, method, open)
# --------------------------------------------------------------------------------------------


def A(person, group, start, end, method, openly):
    return (person, group, start, end, method, openly)


PARTNERSHIPS = [
    dict(
        name="City Partnership Board", kind="strategic", convenor="City Council (Chief Executive's Office)",
        meeting_pattern="Every two months", report_back_days=60,
        last_review="2025-11-12", next_review="2026-11-12",
        seats=[
            ("Leader of the City Council", "public", "", [], [], "Ex officio",
             A("frank", None, "2024-05-20", None, "appointed", False), None),
            ("Chief Executive, City Council", "public", "", [], [], "Ex officio",
             A("graham", None, "2023-01-09", None, "appointed", False), None),
            ("NHS Integrated Care Board (city locality)", "public", "", [], [], "Nominated by the ICB",
             A("victoria", None, "2024-09-01", None, "appointed", False), None),
            ("Police (city division)", "public", "", [], [], "Nominated by the division commander",
             A("neil", None, "2025-02-01", None, "appointed", False), None),
            ("Fire and Rescue Service", "public", "", [], [], "Nominated by the service",
             A("janet", None, "2023-06-01", None, "appointed", False), None),
            ("University", "other", "", [], [], "Invited by the Board",
             A("ben", None, "2024-01-15", "2027-01-14", "invited", False), None),
            ("Chamber of Commerce", "business", "Local businesses", [], [], "Nominated by the Chamber",
             A("jonathan", None, "2025-04-01", "2027-03-31", "open_nomination", True),
             A("sunita", None, "2025-04-01", "2027-03-31", "open_nomination", True)),
            ("Registered housing providers", "other", "Social landlords in the city", [], [], "Nominated by the providers' group",
             A("richard", None, "2024-04-01", None, "appointed", False), None),
            ("Voluntary Sector Assembly representative (1)", "vcse",
             "Voluntary Sector Assembly: all voluntary and community groups in the city", [], [],
             "Elected at the Assembly's annual meeting for two years",
             A("paula", "advice_rights", "2024-04-01", "2026-03-31", "open_election", True), None),
            ("Voluntary Sector Assembly representative (2)", "vcse",
             "Voluntary Sector Assembly: all voluntary and community groups in the city", [], [],
             "Elected at the Assembly's annual meeting for two years",
             A("margaret", "ordsall_tra", "2025-04-01", "2027-03-31", "open_election", True), None),
            ("Community groups seat", "vcse",
             "Neighbourhood community groups and tenants' and residents' associations", ["POOR"], [],
             "Elected by the community groups network",
             A("kieran", "lh_tra", "2024-12-01", "2026-12-31", "open_election", True), None),
            ("BME communities seat", "vcse", "BME Network: Black and minority ethnic community groups",
             ["ME", "RA"], [], "Nominated openly through the BME Network",
             A("hodan", "somali_assoc", "2025-06-01", "2027-05-31", "open_nomination", True),
             A("bashir", "muslim_welfare", "2025-06-01", "2027-05-31", "open_nomination", True)),
            ("Faith communities seat", "vcse", "City Faith Forum", ["F"], [],
             "Nominated openly through the Faith Forum",
             A("samina", "eccles_masjid", "2025-01-10", "2027-01-09", "open_nomination", True),
             A("rachel", "interfaith_women", "2025-01-10", "2027-01-09", "open_nomination", True)),
            ("Residents' representative", "residents", "Residents of the city's priority neighbourhoods",
             ["POOR"], [], "Open election at the residents' conference", None, None),
        ],
    ),
    dict(
        name="Health and Wellbeing Board", kind="strategic", convenor="City Council (Director of Public Health)",
        meeting_pattern="Quarterly", report_back_days=90,
        last_review="2026-03-10", next_review="2027-03-10",
        seats=[
            ("Lead Member for Adult Services", "public", "", [], [], "Appointed by the Leader of the Council",
             A("sheila", None, "2024-05-20", None, "appointed", False), None),
            ("Director of Public Health", "public", "", [], [], "Ex officio",
             A("anjali", None, "2022-10-03", None, "appointed", False), None),
            ("Director of Adult Social Care", "public", "", [], [], "Ex officio",
             A("mark", None, "2023-03-01", None, "appointed", False), None),
            ("Director of Children's Services", "public", "", [], [], "Ex officio",
             A("susan", None, "2024-02-01", None, "appointed", False), None),
            ("NHS Integrated Care Board (city locality)", "public", "", [], [], "Nominated by the ICB",
             A("victoria", None, "2024-09-01", None, "appointed", False), None),
            ("Local Healthwatch", "other", "Patients and users of health and care services", [], [],
             "Nominated by the Healthwatch board",
             A("ifeoma", None, "2025-05-01", "2027-04-30", "appointed", False), None),
            ("Hospice and palliative care providers", "vcse", "Hospice and end-of-life care providers",
             ["PH"], [], "Invited by the Board",
             A("stephen", "hospice", "2023-09-01", None, "invited", False), None),
            ("VCSE health and care seat", "vcse", "Voluntary Sector Assembly health and care network",
             ["PH", "MH"], [], "Elected by the health and care network",
             A("paula", "advice_rights", "2025-03-01", "2027-02-28", "open_election", True), None),
            ("Carers' seat", "vcse", "Carers' groups and carers' organisations", ["CR"], [],
             "Nominated openly by carers' groups",
             A("helen", "carers_trust", "2025-07-01", "2027-06-30", "open_nomination", True),
             A("lorraine", "clifton_carers", "2025-07-01", "2027-06-30", "open_nomination", True)),
            ("Disabled people's seat", "vcse", "Disabled people's organisations",
             ["LD", "PD", "SI"], [], "Elected by disabled people's organisations",
             A("joanne", "disability_together", "2024-07-01", "2026-06-30", "open_election", True),
             A("dave", "walkden_stroke", "2024-07-01", "2026-06-30", "open_election", True)),
            ("BME health seat", "vcse", "BME Network health group", ["ME"], [],
             "Nominated openly through the BME Network",
             A("priya", "south_asian_health", "2025-10-01", "2027-09-30", "open_nomination", True), None),
            ("Mental health seat", "vcse", "", ["MH"], [], "Elected by the Mental Health Network",
             A("martin", "open_minds", "2025-01-01", "2026-12-31", "open_election", True), None),
        ],
    ),
    dict(
        name="Community Safety Partnership", kind="strategic", convenor="City Council Community Safety Team",
        meeting_pattern="Quarterly", report_back_days=90,
        last_review="2025-06-18", next_review="2026-06-18",
        seats=[
            ("Police (city division)", "public", "", [], [], "Nominated by the division commander",
             A("neil", None, "2025-02-01", None, "appointed", False), None),
            ("City Council community safety lead", "public", "", [], [], "Ex officio",
             A("claire", None, "2023-04-01", None, "appointed", False), None),
            ("Fire and Rescue Service", "public", "", [], [], "Nominated by the service",
             A("janet", None, "2023-06-01", None, "appointed", False), None),
            ("Probation Service", "public", "", [], [], "Nominated by the service",
             A("kate", None, "2024-11-01", None, "appointed", False), None),
            ("NHS Integrated Care Board (city locality)", "public", "", [], [], "Nominated by the ICB",
             A("deborah", None, "2025-01-01", None, "appointed", False), None),
            ("Registered housing providers", "other", "Social landlords in the city", [], [],
             "Nominated by the providers' group",
             A("richard", None, "2024-04-01", None, "appointed", False), None),
            ("Domestic abuse services", "vcse", "Domestic abuse services", ["W"], [],
             "Co-opted by the Partnership",
             A("ruth", "womens_refuge", "2024-10-01", None, "co_opted", False), None),
            ("Drug and alcohol recovery", "vcse", "Recovery services and recovery community", ["MH"], [],
             "Invited by the Partnership",
             A("owen", "recovery", "2025-03-01", None, "invited", False), None),
            ("Advice and victim support", "vcse", "Advice agencies", ["POOR"], [],
             "Nominated openly through the advice network",
             A("rizwan", "advice_rights", "2025-05-01", "2027-04-30", "open_nomination", True),
             A("niamh", "advice_rights", "2025-05-01", "2027-04-30", "open_nomination", True)),
            ("Young people's services", "vcse", "Youth work organisations", ["YP"], [],
             "Nominated openly through the youth work network",
             A("callum", "youth_works", "2025-01-11", "2027-01-10", "open_nomination", True), None),
            ("Community groups seat", "vcse", "Neighbourhood community groups and residents' associations",
             ["POOR"], [], "Elected by the community groups network", None, None),
        ],
    ),
    dict(
        name="Children and Young People's Trust", kind="strategic", convenor="City Council Children's Services",
        meeting_pattern="Every two months", report_back_days=60,
        last_review="2026-01-20", next_review="2027-01-20",
        seats=[
            ("Director of Children's Services", "public", "", [], [], "Ex officio",
             A("susan", None, "2024-02-01", None, "appointed", False), None),
            ("NHS children's commissioning", "public", "", [], [], "Nominated by the ICB",
             A("deborah", None, "2025-01-01", None, "appointed", False), None),
            ("Police (youth engagement)", "public", "", [], [], "Nominated by the division commander",
             A("maureen", None, "2025-06-01", None, "appointed", False), None),
            ("Further education college", "other", "", [], [], "Invited by the Trust",
             A("lucy", None, "2023-09-01", "2026-08-31", "invited", False), None),
            ("Youth work organisations", "vcse", "Youth work organisations", ["YP"], [],
             "Nominated openly through the youth work network",
             A("callum", "youth_works", "2025-01-11", "2027-01-10", "open_nomination", True), None),
            ("Young People's Forum", "vcse", "Members of the Young People's Forum aged 11 to 25", ["YP"], [],
             "Elected by the Young People's Forum each year",
             A("chloe", "young_peoples_forum", "2026-04-01", "2027-03-31", "open_election", True), None),
            ("Little Hulton young people", "vcse", "Young people in Little Hulton", ["YP"], ["LH"],
             "Elected by the Little Hulton Youth Forum",
             A("tyler", "lh_youth_forum", "2025-08-01", "2026-07-31", "open_election", True), None),
            ("Early years and parents", "vcse", "Parent-and-toddler and stay-and-play groups", ["LP"], [],
             "Nominated openly by early years groups",
             A("lisa", "winton_stay_play", "2025-09-01", "2027-08-31", "open_nomination", True), None),
            ("Lone parents", "vcse", "Lone parents' groups", ["LP", "W"], [],
             "Nominated openly by lone parents' groups",
             A("jade", "lone_parents_net", "2025-09-01", "2027-08-31", "open_nomination", True),
             A("michelle", "little_steps", "2025-09-01", "2027-08-31", "open_nomination", True)),
            ("Young carers", "vcse", "Young carers' projects", ["CR", "YP"], [],
             "Nominated by young carers' projects",
             A("ashleigh", "young_carers", "2024-03-01", None, "appointed", False), None),
            ("Children with special educational needs and disabilities", "vcse",
             "Parents' forum for children with special educational needs and disabilities",
             ["LD", "PD", "SI"], [], "Elected by the parents' forum", None, None),
            ("Faith communities", "vcse", "", ["F"], [], "Invited by the Trust",
             A("chaya", "jewish_mothers", "2024-06-01", None, "invited", False),
             A("sarah", "st_ambrose_toddlers", "2024-06-01", None, "invited", False)),
            ("Supplementary and community schools", "vcse", "Supplementary schools run by community groups",
             ["YP", "ME"], [], "Nominated openly by supplementary schools",
             A("agnieszka", "polish_school", "2025-10-01", "2027-09-30", "open_nomination", True), None),
        ],
    ),
    dict(
        name="Older People's Partnership", kind="service_delivery",
        convenor="City Council Adult Social Care with Salford Later Life Trust",
        meeting_pattern="Quarterly", report_back_days=90,
        last_review="2026-05-14", next_review="2027-05-14",
        seats=[
            ("Adult social care commissioning", "public", "", [], [], "Ex officio",
             A("mark", None, "2023-03-01", None, "appointed", False), None),
            ("NHS community services", "public", "", [], [], "Nominated by the ICB",
             A("victoria", None, "2024-09-01", None, "appointed", False), None),
            ("Older people's charity (co-convenor)", "vcse", "Older people's organisations", ["OP"], [],
             "Appointed as co-convenor",
             A("fiona", "later_life", "2022-06-01", None, "appointed", False), None),
            ("Lunch clubs network", "vcse", "Lunch and friendship clubs", ["OP"], [],
             "Nominated openly by lunch clubs",
             A("bernadette", "cadishead_over60s", "2025-05-01", "2027-04-30", "open_nomination", True),
             A("beverley", "irlam_lunch", "2025-05-01", "2027-04-30", "open_nomination", True)),
            ("Carers of older people", "vcse", "Carers' groups", ["CR", "OP"], [],
             "Nominated openly by carers' groups",
             A("lorraine", "clifton_carers", "2025-05-01", "2027-04-30", "open_nomination", True), None),
            ("Dementia carers", "vcse", "Dementia carers' support groups", ["CR"], [],
             "Elected by dementia carers' groups",
             A("brenda", "dementia_carers", "2024-11-01", "2026-10-31", "open_election", True), None),
            ("Caribbean elders", "vcse", "Older people of African Caribbean heritage", ["OP", "ME"], [],
             "Nominated by the Caribbean Elders Association",
             A("delroy", "caribbean_elders", "2025-05-01", "2027-04-30", "open_nomination", True), None),
            ("Chinese elders", "vcse", "Older Chinese people", ["OP", "ME"], [],
             "Nominated by the Chinese Elders Lunch Club",
             A("weiling", "chinese_elders", "2025-05-01", "2027-04-30", "open_nomination", True), None),
            ("Advice for older people", "vcse", "Advice agencies", ["OP", "POOR"], [],
             "Nominated openly through the advice network",
             A("niamh", "advice_rights", "2025-05-01", "2027-04-30", "open_nomination", True),
             A("pauline", "st_vincents", "2025-05-01", "2027-04-30", "open_nomination", True)),
        ],
    ),
    dict(
        name="Equality and Diversity Forum", kind="forum", convenor="CVS with the City Council Equalities Team",
        meeting_pattern="Quarterly", report_back_days=90,
        last_review=None, next_review="2026-12-15",
        seats=[
            ("City Council equalities officer", "public", "", [], [], "Ex officio",
             A("yvonne", None, "2023-05-01", None, "appointed", False), None),
            ("BME Network", "vcse", "BME Network: Black and minority ethnic community groups", ["ME", "W"], [],
             "Elected by the BME Network",
             A("folasade", "african_womens_circle", "2025-02-01", "2027-01-31", "open_election", True),
             A("tesfay", "eritrean_comm", "2025-02-01", "2027-01-31", "open_election", True)),
            ("Refugees and people seeking asylum", "vcse", "Refugee and asylum seeker groups", ["RA"], [],
             "Nominated openly by refugee and asylum groups",
             A("jamal", "sanctuary_welcome", "2025-02-01", "2027-01-31", "open_nomination", True),
             A("shirin", "esol_project", "2025-02-01", "2027-01-31", "open_nomination", True)),
            ("Faith communities", "vcse", "City Faith Forum", ["F"], [], "Nominated openly through the Faith Forum",
             A("rachel", "interfaith_women", "2025-02-01", "2027-01-31", "open_nomination", True), None),
            ("Disabled people", "vcse", "Disabled people's organisations", ["PD", "LD"], [],
             "Elected by disabled people's organisations",
             A("joanne", "disability_together", "2025-02-01", "2027-01-31", "open_election", True), None),
            ("Lesbian, gay, bisexual and transgender people", "vcse", "LGBT community groups", ["LGBT"], [],
             "Open nomination; the seat has been advertised twice", None, None),
            ("Deaf and sensory impaired people", "vcse", "Deaf and sensory impaired people's groups", ["SI"], [],
             "Open nomination", None, None),
            ("Women", "vcse", "", ["W"], [], "Co-opted by the Forum",
             A("samina", "eccles_masjid", "2025-06-01", None, "co_opted", False), None),
            ("Older people", "vcse", "Older people's groups", ["OP"], [], "Elected by older people's groups",
             A("delroy", "caribbean_elders", "2025-02-01", "2027-01-31", "open_election", True), None),
            ("Young people", "vcse", "Members of the Young People's Forum", ["YP"], [],
             "Elected by the Young People's Forum",
             A("chloe", "young_peoples_forum", "2026-04-01", "2027-03-31", "open_election", True), None),
        ],
    ),
    dict(
        name="Neighbourhood Partnership (East)", kind="forum",
        convenor="City Council Neighbourhood Management (East)",
        meeting_pattern="Every six weeks", report_back_days=45,
        last_review="2026-02-04", next_review="2027-02-04",
        seats=[
            ("Ward councillor (Broughton)", "public", "", [], ["BR"], "Chosen by the ward councillors",
             A("sheila", None, "2024-05-20", None, "appointed", False), None),
            ("Neighbourhood manager", "public", "", [], [], "Ex officio",
             A("claire", None, "2023-04-01", None, "appointed", False), None),
            ("Neighbourhood policing inspector", "public", "", [], [], "Nominated by the division commander",
             A("neil", None, "2025-02-01", None, "appointed", False), None),
            ("Ordsall residents' associations", "residents", "Tenants' and residents' associations in Ordsall",
             ["POOR"], ["OR"], "Elected at the residents' associations' joint meeting",
             A("margaret", "ordsall_tra", "2025-03-01", "2027-02-28", "open_election", True), None),
            ("Blackfriars and Trinity residents", "residents", "Residents of Blackfriars and Trinity",
             ["POOR"], ["BT"], "Elected at a public residents' meeting",
             A("carl", "trinity_ra", "2025-03-01", "2027-02-28", "open_election", True), None),
            ("Kersal and Broughton Park community groups", "vcse",
             "Community groups in Kersal and Broughton Park", [], ["KB"],
             "Nominated openly by community groups in the ward",
             A("yonatan", "jewish_welfare", "2025-03-01", "2027-02-28", "open_nomination", True), None),
            ("Broughton community groups", "vcse", "Community groups in Broughton", ["ME"], ["BR"],
             "Nominated openly by community groups in the ward",
             A("hodan", "somali_assoc", "2025-03-01", "2027-02-28", "open_nomination", True), None),
            ("Community enterprise", "vcse", "Community enterprises in the East neighbourhood", ["POOR"],
             ["BR", "KB", "BT", "OR", "QU"], "Invited by the Partnership",
             A("idris", "broughton_trust", "2024-06-01", None, "invited", False), None),
            ("Quays residents", "residents", "Residents of the Quays", [], ["QU"],
             "Elected at a public residents' meeting", None, None),
        ],
    ),
    dict(
        name="Housing Forum", kind="forum", convenor="City Council Housing Strategy",
        meeting_pattern="Three times a year", report_back_days=120,
        last_review="2025-09-30", next_review="2026-09-30",
        seats=[
            ("Housing strategy manager", "public", "", [], [], "Ex officio",
             A("gareth", None, "2022-11-01", None, "appointed", False), None),
            ("Registered housing providers", "other", "Social landlords in the city", [], [],
             "Nominated by the providers' group",
             A("richard", None, "2024-04-01", None, "appointed", False), None),
            ("Private landlords", "business", "Private landlords' association", [], [],
             "Nominated by the landlords' association",
             A("phil", None, "2025-01-01", "2026-12-31", "open_nomination", True), None),
            ("Tenants (East)", "residents", "Tenants' and residents' associations in the East", ["POOR"], [],
             "Elected by the tenants' federation",
             A("margaret", "ordsall_tra", "2025-01-06", "2027-01-05", "open_election", True), None),
            ("Tenants (West)", "residents", "Tenants' and residents' associations in the West", ["POOR"], [],
             "Elected by the tenants' federation",
             A("kieran", "lh_tra", "2025-01-06", "2027-01-05", "open_election", True),
             A("joyce", "swinton_park_ra", "2025-01-06", "2027-01-05", "open_election", True)),
            ("Homelessness services", "vcse", "Homelessness charities and hostels", ["POOR", "MH"], [],
             "Nominated openly by homelessness services",
             A("anthony", "housing_support", "2024-09-01", "2026-08-31", "open_nomination", True), None),
            ("Advice agencies", "vcse", "Advice agencies", ["POOR"], [], "Nominated openly through the advice network",
             A("rizwan", "advice_rights", "2025-05-01", "2027-04-30", "open_nomination", True), None),
            ("Furniture and household goods reuse", "vcse", "", ["POOR"], [], "Invited by the Forum",
             A("daniel", "furniture_reuse", "2025-02-01", None, "invited", False), None),
            ("Disabled people's housing", "vcse", "Disabled people's organisations", ["PD"], [],
             "Elected by disabled people's organisations",
             A("joanne", "disability_together", "2025-02-01", "2027-01-31", "open_election", True), None),
        ],
    ),
    dict(
        name="Mental Health Network", kind="network", convenor="CVS",
        meeting_pattern="Monthly", report_back_days=30,
        last_review="2026-09-01", next_review="2027-09-01",
        seats=[
            ("Chair", "vcse", "Members of the Mental Health Network", ["MH"], [], "Elected by network members",
             A("martin", "open_minds", "2025-09-01", "2027-08-31", "open_election", True), None),
            ("Lived experience (self-help groups)", "vcse", "Mental health self-help groups", ["MH"], [],
             "Elected by self-help groups",
             A("hannah", "hearing_voices", "2025-09-01", "2027-08-31", "open_election", True), None),
            ("Counselling services", "vcse", "Counselling and talking therapy providers", ["MH"], [],
             "Nominated openly by providers",
             A("gemma", "talking_space", "2025-09-01", "2027-08-31", "open_nomination", True), None),
            ("Recovery community", "vcse", "Recovery services and recovery community", ["MH", "PH"], [],
             "Nominated openly by recovery groups",
             A("owen", "recovery", "2025-09-01", "2027-08-31", "open_nomination", True), None),
            ("Men's groups", "vcse", "Men's sheds and men's talking groups", ["MH"], [],
             "Nominated openly by men's groups",
             A("gary", "lh_mens_shed", "2025-09-01", "2027-08-31", "open_nomination", True), None),
            ("Arts and wellbeing", "vcse", "", ["MH"], [], "Co-opted by the network",
             A("kwame", "arts_health", "2026-01-15", None, "co_opted", False), None),
            ("BME mental health", "vcse", "BME Network health group", ["MH", "ME"], [],
             "Nominated openly through the BME Network",
             A("priya", "south_asian_health", "2025-09-01", "2027-08-31", "open_nomination", True),
             A("mei", "chinese_elders", "2025-09-01", "2027-08-31", "open_nomination", True)),
            ("Mental health commissioning", "public", "", [], [], "Nominated by the ICB",
             A("deborah", None, "2025-01-01", None, "appointed", False), None),
        ],
    ),
    dict(
        name="Voluntary Sector Assembly", kind="network", convenor="CVS",
        meeting_pattern="Twice a year", report_back_days=180,
        last_review="2026-04-22", next_review="2027-04-22",
        seats=[
            ("Chair", "vcse", "All voluntary and community groups in the city", [], [],
             "Elected at the annual meeting",
             A("paula", "advice_rights", "2025-04-22", "2027-04-21", "open_election", True), None),
            ("Vice-chair", "vcse", "All voluntary and community groups in the city", [], [],
             "Elected at the annual meeting",
             A("margaret", "ordsall_tra", "2025-04-22", "2027-04-21", "open_election", True), None),
            ("Community groups (Irlam and Cadishead)", "vcse", "Community groups in Irlam and Cadishead", [],
             ["CI", "HI"], "Elected by community groups in the area",
             A("beverley", "irlam_lunch", "2025-04-22", "2027-04-21", "open_election", True), None),
            ("Community groups (Eccles and Winton)", "vcse", "Community groups in Eccles and Winton", [],
             ["EC", "BW"], "Elected by community groups in the area",
             A("lisa", "winton_stay_play", "2025-04-22", "2027-04-21", "open_election", True), None),
            ("Community groups (Swinton and Walkden)", "vcse", "", [], ["SW", "SP", "WN", "WS"],
             "Elected by community groups in the area", None, None),
            ("BME Network", "vcse", "BME Network: Black and minority ethnic community groups", ["ME"], [],
             "Elected by the BME Network",
             A("tesfay", "eritrean_comm", "2025-04-22", "2027-04-21", "open_election", True), None),
            ("Faith Forum", "vcse", "City Faith Forum", ["F"], [], "Elected by the Faith Forum",
             A("grace", "redeemed_life", "2025-04-22", "2027-04-21", "open_election", True),
             A("harpreet", "sikh_seva", "2025-04-22", "2027-04-21", "open_election", True)),
            ("Disabled people", "vcse", "Disabled people's organisations and self-advocacy groups", ["LD", "PD"], [],
             "Elected by disabled people's organisations",
             A("eamon", "self_advocates", "2025-04-22", "2027-04-21", "open_election", True), None),
            ("Older people", "vcse", "Older people's groups", ["OP"], [], "Elected by older people's groups",
             A("fiona", "later_life", "2025-04-22", "2027-04-21", "open_election", True), None),
            ("Young people", "vcse", "Members of the Young People's Forum", ["YP"], [],
             "Elected by the Young People's Forum",
             A("chloe", "young_peoples_forum", "2026-04-22", "2027-04-21", "open_election", True), None),
            ("Carers", "vcse", "Carers' groups and carers' organisations", ["CR"], [], "Elected by carers' groups",
             A("helen", "carers_trust", "2025-04-22", "2027-04-21", "open_election", True), None),
            ("Social enterprises", "vcse", "Social and community enterprises", ["POOR"], [],
             "Elected by social enterprises",
             A("kerry", "langworthy_cafe", "2025-04-22", "2027-04-21", "open_election", True), None),
            ("Larger voluntary organisations", "vcse", "", [], [], "Elected by member organisations with staff",
             A("stephen", "hospice", "2023-04-20", "2025-04-19", "open_election", True), None),
            ("Women's groups", "vcse", "Women's groups", ["W"], [], "Elected by women's groups",
             A("zainab", "pendleton_pantry", "2025-04-22", "2027-04-21", "open_election", True), None),
            ("Refugee and asylum groups", "vcse", "Refugee and asylum seeker groups", ["RA"], [],
             "Elected by refugee and asylum groups",
             A("jamal", "sanctuary_welcome", "2025-04-22", "2027-04-21", "open_election", True),
             A("natalia", "roma_families", "2025-04-22", "2027-04-21", "open_election", True)),
        ],
    ),
]

# Invented numbers that the seeded draw hit but that belong to real organisations in the shared
# real data (check_demo.py reports any such collision); they are skipped.
AVOID_CHARITY = {"1173800"}
AVOID_COMPANY: set[str] = set()

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def slugify(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def short_slug(name: str, limit: int = 32) -> str:
    """The name as a slug of whole words, at most `limit` characters (for e-mail and web addresses)."""
    out = ""
    for word in slugify(name).split("-"):
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit and out:
            break
        out = candidate
    words = out.split("-")
    while len(words) > 1 and words[-1] in ("and", "of", "in", "the", "for"):
        words.pop()
    return "-".join(words)


def read_wards() -> list[tuple[str, str]]:
    if ONS_FILE.is_file():
        with ONS_FILE.open(encoding="utf-8-sig", newline="") as f:
            rows = [
                (r["wd22cd"].strip(), r["wd22nm"].strip())
                for r in csv.DictReader(f)
                if r["lad22cd"].strip() == SALFORD_LAD
            ]
        rows.sort()
        if len(rows) != 20:
            raise SystemExit(f"expected 20 Salford wards in {ONS_FILE}, found {len(rows)}")
        return rows
    return list(SALFORD_WARDS_FALLBACK)


def write_csv(path: Path, header: list[str], rows: list[tuple]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def suggest(features: list) -> str:
    c = features.count("community")
    v = features.count("voluntary")
    known = c + v
    if known < 5:
        return "unclassified"
    if 4 * c >= 3 * known:
        return "community"
    if 4 * v >= 3 * known:
        return "voluntary"
    return "mixed"


# Feature positions (0-based) where the minority side is most plausible, most likely first.
MINORITY_FIRST = {
    "C": [3, 6, 2, 1],  # income, services, structure, area
    "V": [1, 4, 7, 0],  # area, membership, representation, leadership
    "M": [],
}


def make_features(rng: random.Random, cls: str) -> list:
    """Eight answers whose suggested class is `cls` (C, V, M or U)."""
    if cls == "U":
        known = rng.choice([0, 1, 2, 3, 3, 4, 4, 4])
        sides = [rng.choice(["community", "voluntary"]) for _ in range(known)]
    else:
        known = rng.choice([5, 6, 7, 7, 8, 8, 8])
        if cls in "CV":
            minimum = -(-3 * known // 4)  # ceil(0.75 * known)
            main = rng.randint(minimum, known)
        else:
            # neither side reaches 75%
            lo = known - (-(-3 * known // 4)) + 1
            hi = -(-3 * known // 4) - 1
            main = rng.randint(lo, hi)
        first, other = ("community", "voluntary") if cls in "CM" else ("voluntary", "community")
    slots = sorted(rng.sample(range(8), known))
    answers = [None] * 8
    if cls == "U":
        for slot, side in zip(slots, sides):
            answers[slot] = side
    else:
        # The minority side falls first on the features where groups most often differ from
        # their type: a community group with some income or a contract; a voluntary
        # organisation that is local or has members.
        prefer = MINORITY_FIRST[cls]
        ranked = sorted(slots, key=lambda s: (prefer.index(s) if s in prefer else 8, rng.random()))
        minority = set(ranked[: known - main]) if cls in "CV" else set(rng.sample(slots, known - main))
        for slot in slots:
            answers[slot] = other if slot in minority else first
    want = {"C": "community", "V": "voluntary", "M": "mixed", "U": "unclassified"}[cls]
    assert suggest(answers) == want, (cls, answers)
    return answers


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> str:
    return (start + dt.timedelta(days=rng.randint(0, (end - start).days))).isoformat()


def postcode(rng: random.Random, ward_code: str) -> str:
    return rng.choice(OUTWARD[ward_code]) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------


def build_groups(rng: random.Random) -> tuple[list[dict], dict[str, str]]:
    keys = [g[0] for g in GROUPS]
    assert len(keys) == len(set(keys)), "duplicate group key"
    # Entry order: shuffled once so refs do not follow the table's sections.
    order = list(range(len(GROUPS)))
    rng.shuffle(order)
    # Near-duplicates are entered after the entry they duplicate (imported later).
    pos = {GROUPS[i][0]: n for n, i in enumerate(order)}
    for i in list(order):
        opts = GROUPS[i][5]
        if "same_as" in opts and pos[GROUPS[i][0]] < pos[opts["same_as"]]:
            order.remove(i)
            order.insert(pos[opts["same_as"]], i)
            pos = {GROUPS[j][0]: n for n, j in enumerate(order)}
    ref_of = {GROUPS[i][0]: f"g{n + 1:03d}" for n, i in enumerate(order)}

    charity_numbers = [n for n in rng.sample(range(1000000, 1200000), 200) if str(n) not in AVOID_CHARITY]
    company_numbers = [n for n in rng.sample(range(3000000, 14999999), 100) if f"{n:08d}" not in AVOID_COMPANY]
    phones = rng.sample(range(400, 1000), 300)
    used_streets: dict[str, str] = {}

    built: dict[str, dict] = {}
    for i in order:
        key, name, ward, cls, activities, opts = GROUPS[i]
        ref = ref_of[key]
        feats = make_features(rng, cls)
        slug = short_slug(name)
        status = opts.get("status", "active")

        if "same_as" in opts:
            base = built[opts["same_as"]]
            address = base["address"].replace("'", "")
            for long, short in ((" Street", " St"), (" Road", " Rd"), (" Lane", " Ln"), (" Avenue", " Ave")):
                address = address.replace(long, short)
            pc = base["postcode"]
        else:
            street = rng.choice(STREETS)
            number = rng.randint(1, 180)
            if cls == "V":
                unit = rng.choice(["", f"Unit {rng.randint(1, 12)}, ", f"Suite {rng.randint(1, 9)}, "])
                address = f"{unit}{number} {street}, Salford"
            elif "Community Centre" in name:
                centre = name[: name.index("Community Centre")] + "Community Centre"
                address = f"{centre}, {number} {street}, Salford"
            elif rng.random() < 0.35:
                address = f"{AREA[ward]} {rng.choice(VENUES)}, {street}, Salford"
            else:
                address = f"{number} {street}, Salford"
            pc = postcode(rng, ward)
        used_streets[key] = address

        ids = []
        kinds = opts.get("ids", "")
        if "chc" in kinds:
            ids.append({"scheme": "GB-CHC", "value": str(charity_numbers.pop())})
        if "coh" in kinds:
            ids.append({"scheme": "GB-COH", "value": f"{company_numbers.pop():08d}"})

        has_email = opts.get("email", cls in "VM" or rng.random() < 0.7)
        email = f"{slug}@example.org" if has_email else ""
        phone = f"0161 496 0{phones.pop():03d}" if (cls in "VM" or rng.random() < 0.55) else ""
        has_web = opts.get("web", cls in "VM" or rng.random() < 0.2)
        website = f"https://{slug}.example.org" if has_web else ""

        if "checked" in opts:
            last_checked = opts["checked"]
        else:
            bucket = rng.random()
            if bucket < 0.09:
                last_checked = None
            elif bucket < 0.62:
                last_checked = random_date(rng, dt.date(2025, 11, 24), dt.date(2026, 11, 1))
            elif bucket < 0.88:
                last_checked = random_date(rng, dt.date(2024, 11, 1), dt.date(2025, 11, 22))
            else:
                last_checked = random_date(rng, dt.date(2023, 1, 4), dt.date(2024, 10, 31))
        last_checked_by = rng.choice(OFFICERS) if last_checked else ""

        place = opts.get("place", "own")
        if place == "own":
            place_wards = [W[ward]]
        elif place == "near":
            place_wards = [W[ward]] + [W[n] for n in NEIGHBOURS[ward][: rng.randint(1, 2)]]
        else:
            place_wards = []
        place_wards = sorted(set(place_wards))

        override = opts.get("override")
        bme = opts.get("bme", "")
        g = {
            "ref": ref,
            "name": name,
            "other_names": list(opts.get("other", [])),
            "identifiers": ids,
            "address": address,
            "postcode": pc,
            "ward": W[ward],
            "email": email,
            "phone": phone,
            "website": website,
            "activities": activities,
            "status": status,
            "last_checked": last_checked,
            "last_checked_by": last_checked_by,
            "features": feats,
            "class_override": {"class": override[0], "reason": override[1]} if override else None,
            "enterprise": opts.get("ent"),
            "faith": bool(opts.get("faith")),
            "faith_name": opts.get("faith", ""),
            "bme_led": bme in ("led", "both"),
            "bme_serving": bme in ("serving", "both"),
            "place_wards": place_wards,
            "interest": opts.get("interest", ""),
            "categories": [CAT[c] for c in sorted(set(opts.get("cats", [])), key=list(CAT).index)],
        }
        built[key] = g
    groups = sorted(built.values(), key=lambda g: g["ref"])
    return groups, ref_of


def build_people(rng: random.Random) -> tuple[list[dict], dict[str, str]]:
    keys = [p[0] for p in PEOPLE]
    assert len(keys) == len(set(keys)), "duplicate person key"
    phones = rng.sample(range(100, 400), len(PEOPLE))
    people = []
    ref_of = {}
    for n, (key, name, basis) in enumerate(PEOPLE):
        ref = f"p{n + 1:03d}"
        ref_of[key] = ref
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        local = slugify(ascii_name).replace("-", ".")
        domain = "example.org" if n % 3 else "example.net"
        phone = f"0161 496 0{phones[n]:03d}" if rng.random() < 0.85 else ""
        consent = basis == "c"
        people.append({
            "ref": ref,
            "name": name,
            "email": f"{local}@{domain}",
            "phone": phone,
            "lawful_basis": "consent" if consent else "legitimate_interest",
            "consent_date": random_date(rng, dt.date(2022, 3, 1), dt.date(2026, 10, 30)) if consent else None,
        })
        # Review dates from their own seed, so the rest of the demo does not move: most in the
        # next eighteen months, a few already passed (to show the review list).
        own = random.Random(f"review|{ref}")
        p = people[-1]
        p["consent_how"] = own.choice(["signed the nomination form", "by e-mail to the CVS",
                                       "on the representatives' register form"]) if consent else ""
        p["review_date"] = (random_date(own, dt.date(2026, 5, 1), dt.date(2026, 11, 20))
                            if own.random() < 0.1 else
                            random_date(own, dt.date(2026, 12, 1), dt.date(2028, 5, 31)))
    return people, ref_of


MEETING_EVERY_DAYS = {
    "Monthly": 30, "Every six weeks": 42, "Every two months": 61, "Quarterly": 91,
    "Three times a year": 122, "Twice a year": 182,
}
# The demo's history runs up to the last meeting before the day it was generated.
HISTORY_END = dt.date(2026, 11, 10)


def meeting_dates(pattern: str) -> list[str]:
    """The partnership's meetings over the last year (at least three), oldest first."""
    step = MEETING_EVERY_DAYS[pattern]
    count = max(3, 365 // step)
    return [(HISTORY_END - dt.timedelta(days=step * i)).isoformat() for i in reversed(range(count))]


def accountability(a: dict, sector: str, interval: int, meetings: list[str]) -> None:
    """Adds report-backs, declarations and attendance to an appointment, so the demo shows the
    spread a real partnership has: most representatives keep up, some lapse, a few never do.
    Each appointment draws from its own seed, so the rest of the demo does not move."""
    rng = random.Random(f"{a['person']}|{a['term_start']}|{sector}")
    start = dt.date.fromisoformat(a["term_start"])
    end = dt.date.fromisoformat(a["term_end"]) if a["term_end"] else HISTORY_END
    end = min(end, HISTORY_END)
    profile = rng.choices(["keeps-up", "lapsing", "silent"], weights=[75, 15, 10])[0]
    a["report_backs"], a["declarations"], a["attendance"] = [], [], {}
    if sector in ("vcse", "residents"):
        if profile == "keeps-up":
            day = start + dt.timedelta(days=rng.randint(20, interval))
            last = end - dt.timedelta(days=rng.randint(5, max(6, interval // 2)))
        elif profile == "lapsing":
            day = start + dt.timedelta(days=rng.randint(20, interval))
            last = end - dt.timedelta(days=interval + rng.randint(20, 120))
        else:
            day, last = end, start  # nothing reported
        while day <= last:
            a["report_backs"].append({
                "on": day.isoformat(),
                "how": rng.choice(["network meeting", "e-bulletin", "e-mail to members", "forum AGM"]),
                "to_whom": rng.choice(["members", "the network", "the forum", "member groups"]),
            })
            day += dt.timedelta(days=rng.randint(interval * 6 // 10, interval * 9 // 10))
        if profile == "keeps-up" and last >= start:
            # Whoever keeps up has reported back since the last meeting or so.
            last_said = a["report_backs"][-1]["on"] if a["report_backs"] else ""
            if last_said < last.isoformat():
                a["report_backs"].append({"on": last.isoformat(), "how": "network meeting",
                                          "to_whom": "members"})
        if profile != "silent":
            months_ago = rng.randint(1, 10) if profile == "keeps-up" else rng.randint(13, 20)
            on = end - dt.timedelta(days=30 * months_ago)
            if on >= start:
                nil = rng.random() < 0.4
                a["declarations"].append({
                    "on": on.isoformat(),
                    "what": "" if nil else rng.choice([
                        "Trustee of a group funded by a partner", "Employed by a provider bidding for the contract",
                        "Member of the tenants' federation", "Family member works for the council",
                    ]),
                    "nil": nil,
                })
    present_rate = {"keeps-up": 0.9, "lapsing": 0.65, "silent": 0.3}[profile]
    for m in meetings:
        if a["term_start"] <= m and (a["term_end"] is None or m <= a["term_end"]):
            roll = rng.random()
            a["attendance"][m] = "present" if roll < present_rate else (
                "apologies" if roll < present_rate + (1 - present_rate) / 2 else "absent")


def build_partnerships(group_ref: dict[str, str], person_ref: dict[str, str]) -> list[dict]:
    def appt(a):
        if a is None:
            return None
        person, group, start, end, method, openly = a
        return {
            "person": person_ref[person],
            "group": group_ref[group] if group else None,
            "term_start": start,
            "term_end": end,
            "selection_method": method,
            "openly_selected": openly,
        }

    out = []
    for p in PARTNERSHIPS:
        meetings = meeting_dates(p["meeting_pattern"])
        seats = []
        for label, sector, constituency, cats, wards, selection, holder, alternate in p["seats"]:
            holder, alternate = appt(holder), appt(alternate)
            for a in (holder, alternate):
                if a is not None:
                    accountability(a, sector, p["report_back_days"], meetings)
            seats.append({
                "label": label,
                "sector": sector,
                "constituency": constituency,
                "categories": [CAT[c] for c in cats],
                "wards": [W[w] for w in wards],
                "selection": selection,
                "holder": holder,
                "alternate": alternate,
            })
        out.append({
            "name": p["name"],
            "kind": p["kind"],
            "convenor": p["convenor"],
            "meeting_pattern": p["meeting_pattern"],
            "report_back_days": p["report_back_days"],
            "last_review": p["last_review"],
            "next_review": p["next_review"],
            "meetings": meetings,
            "seats": seats,
        })
    return out


def main() -> None:
    rng = random.Random(SEED)

    wards = read_wards()
    ward_names = {name for _, name in wards}
    missing = set(W.values()) - ward_names
    if missing:
        raise SystemExit(f"ward names not in the ward list: {sorted(missing)}")

    write_csv(SEEDS / "reference" / "categories.csv", ["key", "name"], CATEGORIES)
    write_csv(SEEDS / "reference" / "features.csv",
              ["number", "title", "community_side", "voluntary_side"], FEATURES)
    write_csv(SEEDS / "reference" / "wards_salford.csv", ["code", "name", "district"],
              [(code, name, "Salford") for code, name in wards])

    groups, group_ref = build_groups(rng)
    people, person_ref = build_people(rng)
    partnerships = build_partnerships(group_ref, person_ref)

    write_json(SEEDS / "demo" / "groups.json", groups)
    write_json(SEEDS / "demo" / "people.json", people)
    write_json(SEEDS / "demo" / "partnerships.json", partnerships)

    counts: dict[str, int] = {}
    for g in groups:
        c = suggest(g["features"])
        counts[c] = counts.get(c, 0) + 1
    print(f"wrote {len(groups)} groups {counts}, {len(people)} people, "
          f"{len(partnerships)} partnerships, {sum(len(p['seats']) for p in partnerships)} seats")


if __name__ == "__main__":
    main()
