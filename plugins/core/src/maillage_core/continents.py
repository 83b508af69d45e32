"""Which continent each country belongs to (UN geoscheme regions, the
Americas as one, Antarctica and the southern islands apart): shared
vocabulary for the countries index's filters and any plugin's regions.
Keys are French, as they travel in addresses (``?continent=afrique``).
Every code django-countries knows has one (a test says so)."""

from django.utils.translation import gettext_lazy as _

CONTINENTS = {
    "afrique": _("Africa"),
    "ameriques": _("Americas"),
    "asie": _("Asia"),
    "europe": _("Europe"),
    "oceanie": _("Oceania"),
    "antarctique": _("Antarctica"),
}

MEMBERS = {
    "afrique": "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR "
               "MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW",
    "ameriques": "AI AG AR AW BS BB BZ BM BO BQ BR CA KY CL CO CR CU CW DM DO EC SV FK GF GL GD GP GT GY HT HN JM "
                 "MQ MX MS NI PA PY PE PR BL KN LC MF PM VC SX SR TT TC US UY VE VG VI UM",
    "asie": "AF AM AZ BH BD BT BN KH CN CY GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP OM PK PS "
            "PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE IO",
    "europe": "AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV LI LT LU MT MD MC "
              "ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA",
    "oceanie": "AS AU CX CC CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF",
    "antarctique": "AQ BV TF HM GS",
}

CONTINENT_OF = {code: key for key, codes in MEMBERS.items() for code in codes.split()}


def continent_of(code):
    return CONTINENT_OF.get(code, "")
