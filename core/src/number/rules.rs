//! The numbering plan and the rest of `data/numbers.json`, compiled:
//! region plans, China's ranges and service patterns, official numbers
//! indexed for prefix matching, withheld markers and the check's weights.

use crate::error::{Error, Result};
use crate::fasthash::{FastMap, FastSet};
use crate::rules_json::{self, Fields, FromJson, Read};
use crate::verdict::{FraudType, Lang};
use serde_json::Value;
use std::collections::HashMap;

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(super) struct RegionPlan {
    pub(super) region: String,
    pub(super) cc: String,
    pub(super) trunk: String,
    pub(super) intl_prefixes: Vec<String>,
    pub(super) nsn_min: usize,
    pub(super) nsn_max: usize,
    #[cfg_attr(test, serde(default))]
    pub(super) plan: Option<String>,
}

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(super) struct ServicePattern {
    pub(super) prefix: String,
    pub(super) min: usize,
    pub(super) max: usize,
    pub(super) label: String,
    #[cfg_attr(test, serde(default))]
    pub(super) sms_only: bool,
}

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(super) struct CnPlan {
    pub(super) mobile_prefixes: Vec<String>,
    pub(super) virtual_operator_prefixes: Vec<String>,
    pub(super) iot_prefixes: Vec<String>,
    pub(super) iot_length: usize,
    pub(super) two_digit_area_codes: Vec<String>,
    pub(super) service_patterns: Vec<ServicePattern>,
}

/// An official number of a region.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct Official {
    /// Region (ISO 3166 alpha-2) the number is dialled in.
    pub region: String,
    /// The number as dialled (digits).
    pub number: String,
    /// The institution's name in English.
    pub name_en: String,
    /// The institution's name in Chinese.
    pub name_zh: String,
    /// Category (`bank`, `police`, `carrier`, `government` …): decides which scam imitating it is.
    pub category: String,
    #[cfg_attr(test, serde(default))]
    pub(super) area_dialable: bool,
    /// The institution owns every number that starts with this one
    /// (carriers' 1008611, 10010xx …): longer forms are its own lines.
    #[cfg_attr(test, serde(default))]
    pub(super) subnumbers: bool,
    #[cfg_attr(test, serde(default))]
    pub(super) advice_en: Vec<String>,
    #[cfg_attr(test, serde(default))]
    pub(super) advice_zh: Vec<String>,
}

impl Official {
    /// The institution's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::ZhHans => &self.name_zh,
        }
    }

    /// The scam someone imitating this institution is running.
    pub(super) fn impersonation_type(&self) -> FraudType {
        match self.category.as_str() {
            "police" | "government" | "anti_fraud" | "emergency" => FraudType::ImpersonateAuthority,
            _ => FraudType::ImpersonateCustomerService,
        }
    }
}

/// The official numbers of one region, indexed for prefix matching.
#[derive(Debug)]
pub(super) struct RegionOfficials {
    pub(super) region: String,
    pub(super) by_number: FastMap<String, Official>,
    /// Lengths of the numbers, longest first.
    pub(super) lengths: Vec<usize>,
    /// `leads[d0 * 10 + d1]`: some number starts with digits d0 d1 — a fast
    /// negative for the common case (an ordinary mobile number).
    pub(super) leads: [bool; 100],
}

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(super) struct RepeatedCalls {
    pub(super) threshold: u32,
    pub(super) max_weight: i32,
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(super) struct RawRules {
    pub(super) weights: HashMap<String, i32>,
    pub(super) repeated_calls: RepeatedCalls,
    pub(super) regions: Vec<RegionPlan>,
    pub(super) country_codes: Vec<String>,
    pub(super) cn_plan: CnPlan,
    pub(super) official: Vec<Official>,
    #[cfg_attr(test, serde(default = "default_withheld"))]
    pub(super) withheld_markers: Vec<String>,
}

impl FromJson for RegionPlan {
    fn from_json(v: &Value) -> Read<RegionPlan> {
        let f = Fields::of(v)?;
        Ok(RegionPlan {
            region: f.req("region")?,
            cc: f.req("cc")?,
            trunk: f.req("trunk")?,
            intl_prefixes: f.req("intl_prefixes")?,
            nsn_min: f.req("nsn_min")?,
            nsn_max: f.req("nsn_max")?,
            plan: f.opt("plan")?,
        })
    }
}

impl FromJson for ServicePattern {
    fn from_json(v: &Value) -> Read<ServicePattern> {
        let f = Fields::of(v)?;
        Ok(ServicePattern {
            prefix: f.req("prefix")?,
            min: f.req("min")?,
            max: f.req("max")?,
            label: f.req("label")?,
            sms_only: f.opt("sms_only")?,
        })
    }
}

impl FromJson for CnPlan {
    fn from_json(v: &Value) -> Read<CnPlan> {
        let f = Fields::of(v)?;
        Ok(CnPlan {
            mobile_prefixes: f.req("mobile_prefixes")?,
            virtual_operator_prefixes: f.req("virtual_operator_prefixes")?,
            iot_prefixes: f.req("iot_prefixes")?,
            iot_length: f.req("iot_length")?,
            two_digit_area_codes: f.req("two_digit_area_codes")?,
            service_patterns: f.req("service_patterns")?,
        })
    }
}

impl FromJson for Official {
    fn from_json(v: &Value) -> Read<Official> {
        let f = Fields::of(v)?;
        Ok(Official {
            region: f.req("region")?,
            number: f.req("number")?,
            name_en: f.req("name_en")?,
            name_zh: f.req("name_zh")?,
            category: f.req("category")?,
            area_dialable: f.opt("area_dialable")?,
            subnumbers: f.opt("subnumbers")?,
            advice_en: f.opt("advice_en")?,
            advice_zh: f.opt("advice_zh")?,
        })
    }
}

impl FromJson for RepeatedCalls {
    fn from_json(v: &Value) -> Read<RepeatedCalls> {
        let f = Fields::of(v)?;
        Ok(RepeatedCalls {
            threshold: f.req("threshold")?,
            max_weight: f.req("max_weight")?,
        })
    }
}

impl FromJson for RawRules {
    fn from_json(v: &Value) -> Read<RawRules> {
        let f = Fields::of(v)?;
        Ok(RawRules {
            weights: f.req("weights")?,
            repeated_calls: f.req("repeated_calls")?,
            regions: f.req("regions")?,
            country_codes: f.req("country_codes")?,
            cn_plan: f.req("cn_plan")?,
            official: f.req("official")?,
            withheld_markers: f.or_else("withheld_markers", default_withheld)?,
        })
    }
}

pub(super) fn default_withheld() -> Vec<String> {
    [
        "anonymous",
        "private",
        "private number",
        "unknown",
        "unknown number",
        "withheld",
        "restricted",
        "unavailable",
        "hidden",
        "no caller id",
        "blocked",
        "隐藏号码",
        "未知号码",
        "私人号码",
        "匿名",
        "未知",
        "号码隐藏",
        "-1",
        "-2",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The compiled number rules of a snapshot.
#[derive(Debug)]
pub struct NumberRules {
    pub(super) weights: FastMap<String, i32>,
    pub(super) repeated: RepeatedCalls,
    pub(super) regions: FastMap<String, RegionPlan>,
    pub(super) country_codes: FastSet<String>,
    pub(super) cn: CnPlan,
    /// Official numbers per region (few regions: a linear scan beats hashing).
    pub(super) official: Vec<RegionOfficials>,
    pub(super) withheld: FastSet<String>,
}

pub(super) const REQUIRED_WEIGHTS: &[&str] = &[
    "number.official",
    "number.spoofed_service",
    "number.malformed_prefix",
    "number.international",
    "number.virtual_operator",
    "number.iot_range",
    "number.withheld",
    "number.invalid_length",
    "number.sms_gateway_call",
    "number.service",
    "number.in_contacts",
    "number.stir_verified",
    "number.stir_failed",
    "number.stir_unverified",
    "number.repeated_calls",
];

impl NumberRules {
    /// Compiles rules from their JSON form (`data/numbers.json`).
    pub fn from_json(json: &str) -> Result<NumberRules> {
        let raw: RawRules = rules_json::from_str(json).map_err(|e| Error::rules("numbers", e))?;
        for w in REQUIRED_WEIGHTS {
            if !raw.weights.contains_key(*w) {
                return Err(Error::rules("numbers", format!("missing weight {w}")));
            }
        }
        let mut regions = FastMap::default();
        for r in raw.regions {
            if r.cc.is_empty() || !r.cc.bytes().all(|b| b.is_ascii_digit()) || r.nsn_min > r.nsn_max
            {
                return Err(Error::rules(
                    "numbers",
                    format!("bad region plan {}", r.region),
                ));
            }
            regions.insert(r.region.to_ascii_uppercase(), r);
        }
        let mut official: Vec<RegionOfficials> = Vec::new();
        for o in raw.official {
            if o.number.is_empty() || !o.number.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::rules("numbers", "official number must be digits"));
            }
            let region = o.region.to_ascii_uppercase();
            if o.number.len() < 2 {
                return Err(Error::rules("numbers", "official number too short"));
            }
            let idx = match official.iter().position(|r| r.region == region) {
                Some(i) => i,
                None => {
                    official.push(RegionOfficials {
                        region: region.clone(),
                        by_number: FastMap::default(),
                        lengths: Vec::new(),
                        leads: [false; 100],
                    });
                    official.len() - 1
                }
            };
            let r = &mut official[idx];
            let len = o.number.len();
            if !r.lengths.contains(&len) {
                // Kept longest first by inserting in place (no sort instance).
                let at = r
                    .lengths
                    .iter()
                    .position(|&n| n < len)
                    .unwrap_or(r.lengths.len());
                r.lengths.insert(at, len);
            }
            let b = o.number.as_bytes();
            r.leads[usize::from(b[0] - b'0') * 10 + usize::from(b[1] - b'0')] = true;
            r.by_number.insert(o.number.clone(), o);
        }
        Ok(NumberRules {
            weights: raw.weights.into_iter().collect(),
            repeated: raw.repeated_calls,
            regions,
            country_codes: raw.country_codes.into_iter().collect(),
            cn: raw.cn_plan,
            official,
            withheld: raw
                .withheld_markers
                .into_iter()
                .map(|s| s.to_lowercase())
                .collect(),
        })
    }

    pub(super) fn weight(&self, code: &str) -> i32 {
        self.weights.get(code).copied().unwrap_or(0)
    }

    /// Whether `region` is a region these rules know.
    pub fn knows_region(&self, region: &str) -> bool {
        self.regions.contains_key(&region.to_ascii_uppercase())
    }

    /// Every official number of `region` (in no particular order).
    pub fn officials<'a>(&'a self, region: &'a str) -> impl Iterator<Item = &'a Official> + 'a {
        self.official
            .iter()
            .filter(move |r| r.region == region)
            .flat_map(|r| r.by_number.values())
    }

    /// The country calling code of `region` (`86` for CN), if known.
    pub fn country_code(&self, region: &str) -> Option<&str> {
        self.regions
            .get(&region.to_ascii_uppercase())
            .map(|p| p.cc.as_str())
    }

    /// The official entry for a number as dialled in `region`.
    pub fn official(&self, region: &str, number: &str) -> Option<&Official> {
        self.official
            .iter()
            .find(|r| r.region == region)?
            .by_number
            .get(number)
    }

    /// The official number `digits` starts with (longest match), if any.
    pub(super) fn official_prefix(&self, region: &str, digits: &str) -> Option<&str> {
        let r = self.official.iter().find(|r| r.region == region)?;
        let b = digits.as_bytes();
        if b.len() < 2 || !b[0].is_ascii_digit() || !b[1].is_ascii_digit() {
            return None;
        }
        if !r.leads[usize::from(b[0] - b'0') * 10 + usize::from(b[1] - b'0')] {
            return None;
        }
        r.lengths
            .iter()
            .filter_map(|&len| digits.get(..len))
            .find_map(|prefix| r.by_number.get_key_value(prefix).map(|(k, _)| k.as_str()))
    }

    pub(super) fn service_pattern(&self, nsn: &str) -> Option<&ServicePattern> {
        self.cn
            .service_patterns
            .iter()
            .filter(|p| nsn.starts_with(&p.prefix) && (p.min..=p.max).contains(&nsn.len()))
            .max_by_key(|p| p.prefix.len())
    }

    pub(super) fn split_country_code<'a>(&self, digits: &'a str) -> Option<(&'a str, &'a str)> {
        (1..=3)
            .filter(|&n| digits.len() > n)
            .map(|n| digits.split_at(n))
            .find(|(cc, _)| self.country_codes.contains(*cc))
    }

    pub(super) fn plan_for_cc(&self, cc: &str) -> Option<&RegionPlan> {
        // NANP is shared; any region with this code gives the right lengths.
        self.regions.values().find(|r| r.cc == cc)
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;
    use crate::rules_json::derive_check::{both_refuse, read_alike, same_as_derive};

    /// The hand-written reader loads what serde's derive loads, and refuses
    /// what it refuses.
    #[test]
    fn reads_as_the_serde_derive_does() {
        let embedded: &str = super::super::EMBEDDED;
        let good = same_as_derive::<RawRules>(embedded);
        both_refuse::<RawRules>(
            &good,
            &[
                ("/repeated_calls/threshold", (-1).into()),
                ("/regions/0/nsn_min", Value::Null),
                ("/cn_plan/service_patterns/0/label", 1.into()),
                ("/official/0/name_en", 5.into()),
                ("/weights/number.official", 2.5.into()),
            ],
        );
        let mut v = good.clone();
        v.as_object_mut().unwrap().remove("withheld_markers");
        let hand: RawRules = read_alike(&v);
        assert_eq!(hand.withheld_markers, default_withheld());
    }
}
