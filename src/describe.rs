//! A record laid out for people: labelled fields, links to other records by name, claims marked as
//! claims, and sources. `show`, the explorer's detail pane and the comparison all read this one shape.

use crate::dataset::Dataset;
use crate::model::{Claim, ClaimBy, Id, Kind, Note, SourceRef};
use serde::Serialize;

/// A link to another record, by kind, id and display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Kind of the linked record.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A group of links with a label ("Therapies", "Offered by").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Links {
    /// What the links are.
    pub label: String,
    /// The linked records.
    pub items: Vec<Link>,
}

impl Links {
    /// The linked records' names, joined with "; ".
    pub fn names(&self) -> String {
        self.items
            .iter()
            .map(|i| i.name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// A labelled value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The label ("Evidence", "District").
    pub label: String,
    /// The value, as text.
    pub value: String,
}

/// A claim as shown: who says it, what, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimLine {
    /// "the clinic", "the article", "the brand, CosmeRNA", or the doctor by name.
    pub by: String,
    /// The claim.
    pub text: String,
    /// Where it is made.
    pub source: String,
}

/// A source as shown: title, publisher, section, and whether it is outside the seed documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceLine {
    /// Source id.
    pub id: String,
    /// "Title — Publisher, date".
    pub citation: String,
    /// Section of the document.
    pub section: String,
    /// True for sources outside the seed documents.
    pub external: bool,
}

/// A record laid out for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Description {
    /// Kind of record.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Summary.
    pub summary: String,
    /// Labelled fields, in display order.
    pub fields: Vec<Field>,
    /// Comparable attributes.
    pub attributes: Vec<Field>,
    /// Links to other records.
    pub links: Vec<Links>,
    /// Claims, marked as claims.
    pub claims: Vec<ClaimLine>,
    /// Notes with their own sources.
    pub notes: Vec<Field>,
    /// Sources.
    pub sources: Vec<SourceLine>,
}

/// The medical disclaimer shown wherever a patient might read the data.
pub const DISCLAIMER: &str = "General information from the named sources, not medical advice. \
Clinic statements are their claims. Ask a qualified doctor before any treatment.";

fn list(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join("; "))
}

fn push(fields: &mut Vec<Field>, label: &str, value: Option<String>) {
    if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
        fields.push(Field {
            label: label.to_owned(),
            value,
        });
    }
}

impl Dataset {
    /// Turns ids into links, skipping any that do not resolve.
    pub fn links(&self, kind: Kind, ids: &[Id]) -> Vec<Link> {
        ids.iter()
            .filter_map(|id| self.get(kind, id.as_str()))
            .map(|r| Link {
                kind,
                id: r.id().0.clone(),
                name: r.name().to_owned(),
            })
            .collect()
    }

    /// A citation for a source reference: "Title — Publisher, date (section)".
    pub fn source_line(&self, r: &SourceRef) -> SourceLine {
        let (citation, external) = match self.source(&r.source) {
            Some(s) => {
                let mut c = format!("{} — {}", s.title, s.publisher);
                if let Some(d) = &s.date {
                    c.push_str(&format!(", {d}"));
                }
                if let Some(u) = &s.url {
                    c.push_str(&format!(", {u}"));
                }
                if let Some(r) = &s.retrieved {
                    c.push_str(&format!(", retrieved {r}"));
                }
                (c, s.external)
            }
            None => (r.source.0.clone(), false),
        };
        SourceLine {
            id: r.source.0.clone(),
            citation,
            section: r.section.clone(),
            external,
        }
    }

    /// " [Title — Publisher, section]" for the first of `sources`, or nothing.
    fn first_citation(&self, sources: &[SourceRef]) -> String {
        sources
            .first()
            .map(|s| self.source_line(s))
            .map(|s| format!(" [{}, {}]", s.citation, s.section))
            .unwrap_or_default()
    }

    fn claim_line(&self, c: &Claim) -> ClaimLine {
        let src = self.source_line(&c.source);
        ClaimLine {
            by: match &c.who {
                Some(who) if c.by == ClaimBy::Brand => format!("the brand, {who}"),
                Some(who) => who.clone(),
                None => c.by.label().to_owned(),
            },
            text: c.text.clone(),
            source: format!("{} ({})", src.citation, src.section),
        }
    }

    fn note_fields(&self, label: &str, notes: &[Note]) -> Vec<Field> {
        notes
            .iter()
            .map(|n| {
                let s = self.source_line(&n.source);
                Field {
                    label: label.to_owned(),
                    value: format!("{} [{}, {}]", n.text, s.citation, s.section),
                }
            })
            .collect()
    }

    /// Lays out a record for display, or `None` if there is no such record.
    pub fn describe(&self, kind: Kind, id: &str) -> Option<Description> {
        self.describe_in(kind, id, None)
    }

    /// Like [`Dataset::describe`], and for a cost range in another currency than `currency`, adds its
    /// figure converted at the data's exchange rate, marked as converted.
    pub fn describe_in(
        &self,
        kind: Kind,
        id: &str,
        currency: Option<crate::model::Currency>,
    ) -> Option<Description> {
        let r = self.get(kind, id)?;
        let mut fields = Vec::new();
        let mut links = Vec::new();
        let mut notes = Vec::new();
        let f = &mut fields;
        match kind {
            Kind::Condition => {
                let c = self.condition(id)?;
                push(f, "Category", Some(c.category.clone()));
                if c.research_only {
                    push(
                        f,
                        "Status",
                        Some("named only as a direction of research; no treatment offered".into()),
                    );
                }
                push(f, "Symptoms", list(&c.symptoms));
                push(f, "Causes", list(&c.causes));
                let parent: Vec<Id> = c.parent.iter().cloned().collect();
                links.push(Links {
                    label: "Type of".into(),
                    items: self.links(Kind::Condition, &parent),
                });
                links.push(Links {
                    label: "Subtypes".into(),
                    items: self.links(Kind::Condition, self.subtypes(id)),
                });
                links.push(Links {
                    label: "Therapies".into(),
                    items: self.links(Kind::Therapy, &c.therapies),
                });
                notes = self.note_fields("Note", &c.notes);
            }
            Kind::Therapy => {
                let t = self.therapy(id)?;
                push(f, "Evidence", Some(t.evidence.label().to_owned()));
                push(f, "Evidence note", t.evidence_note.clone());
                push(f, "Category", Some(t.category.label().to_owned()));
                push(f, "Cell source", t.cell_source.clone());
                push(f, "Origin", t.origin.map(|o| o.label().to_owned()));
                push(f, "Mechanism", t.mechanism.clone());
                push(f, "Delivery", list(&t.delivery));
                push(f, "Procedure time", t.procedure_time.clone());
                push(f, "Sessions", t.sessions.clone());
                push(f, "Recovery", t.recovery.clone());
                push(
                    f,
                    "Timeline",
                    list(
                        &t.timeline
                            .iter()
                            .map(|m| format!("{}: {}", m.label, m.text))
                            .collect::<Vec<_>>(),
                    ),
                );
                push(
                    f,
                    "Side effects",
                    list(
                        &t.side_effects
                            .iter()
                            .map(|s| match &s.rate {
                                Some(r) => format!("{} ({r})", s.effect),
                                None => s.effect.clone(),
                            })
                            .collect::<Vec<_>>(),
                    ),
                );
                links.push(Links {
                    label: "Used for".into(),
                    items: self.links(Kind::Condition, self.conditions_for(id)),
                });
                links.push(Links {
                    label: "Offered by".into(),
                    items: self.links(Kind::Clinic, self.clinics_offering(id)),
                });
                links.push(Links {
                    label: "Costs".into(),
                    items: self.links(Kind::Cost, self.costs_for(id)),
                });
                notes = self.note_fields("Regulation", &t.regulatory);
                notes.extend(self.note_fields("Note", &t.notes));
            }
            Kind::Clinic => {
                let c = self.clinic(id)?;
                push(f, "Institution", Some(c.institution.clone()));
                push(f, "City", c.city.clone());
                push(f, "District", c.district.clone());
                push(
                    f,
                    "Doctors",
                    list(
                        &c.doctors
                            .iter()
                            .map(|d| match &d.role {
                                Some(r) => format!("{} ({r})", d.name),
                                None => d.name.clone(),
                            })
                            .collect::<Vec<_>>(),
                    ),
                );
                push(f, "Techniques", list(&c.techniques));
                push(f, "Facilities", list(&c.facilities));
                push(f, "Certifications", list(&c.certifications));
                push(f, "Website", c.website.clone());
                links.push(Links {
                    label: "Therapies offered".into(),
                    items: self.links(Kind::Therapy, &c.therapies),
                });
            }
            Kind::Cost => {
                let c = self.cost(id)?;
                push(f, "Country", Some(c.country.clone()));
                push(f, "Range", Some(crate::money::range_text(c)));
                if let (Some(to), Some(rate)) = (currency, crate::estimate::conversion_rate(self)) {
                    let label = format!("Range in {}", to.code());
                    let text = crate::money::converted_text(c, to, rate.krw_per_usd, &rate.date)
                        .unwrap_or_else(|| crate::money::range_text(c));
                    push(f, &label, Some(text));
                }
                push(f, "Unit", Some(c.unit.label().to_owned()));
                push(f, "Currency", Some(c.currency.code().to_owned()));
                push(f, "Year", Some(c.year.to_string()));
                push(f, "Tier", c.tier.map(|t| t.label().to_owned()));
                let group = self
                    .costs
                    .groups
                    .iter()
                    .find(|g| g.id == c.group)
                    .map(|g| g.name.clone());
                push(f, "Group", group);
                for other in c
                    .disagrees_with
                    .iter()
                    .filter_map(|d| self.cost(d.as_str()))
                {
                    let src = self.first_citation(&other.sources);
                    push(
                        f,
                        "Differs from",
                        Some(format!(
                            "{}: {} {} ({}){src}",
                            other.country,
                            crate::money::range_text(other),
                            other.unit.label(),
                            other.id
                        )),
                    );
                }
                // A percentage the source ties to this figure; or a saving the source gives without
                // saying which of its prices it applies to, shown on that source's South Korea
                // ranges and said not to be tied to them.
                let same_source = |p: &crate::model::Percentage| {
                    p.costs.is_empty()
                        && p.kind == crate::model::PercentageKind::Savings
                        && c.country == "South Korea"
                        && p.sources
                            .iter()
                            .any(|s| c.sources.iter().any(|cs| cs.source == s.source))
                };
                for p in self
                    .costs
                    .percentages
                    .iter()
                    .filter(|p| p.costs.iter().any(|x| x.as_str() == id) || same_source(p))
                {
                    let src = self.first_citation(&p.sources);
                    let tied = if same_source(p) {
                        " (given by the same source, not tied to this figure)"
                    } else {
                        ""
                    };
                    push(
                        f,
                        "Saving",
                        Some(format!(
                            "{}: {}{tied}. {}{src}",
                            p.name,
                            crate::chart::percent_text(p),
                            p.note
                        )),
                    );
                }
                links.push(Links {
                    label: "Therapies".into(),
                    items: self.links(Kind::Therapy, &c.therapies),
                });
                links.push(Links {
                    label: "The other figure".into(),
                    items: self.links(Kind::Cost, &c.disagrees_with),
                });
            }
            Kind::Travel => {
                let t = self.travel_fact(id)?;
                push(f, "Topic", Some(t.topic.label().to_owned()));
                push(f, "Value", t.value.clone());
                push(f, "Items", list(&t.items));
                links.push(Links {
                    label: "Other sources say".into(),
                    items: self.links(Kind::Travel, &t.disagrees_with),
                });
            }
        }
        links.retain(|l| !l.items.is_empty());
        // With data layers, where the record came from (see dataset::layer), beside its sources.
        push(&mut fields, "Layer", self.layer_line(kind, id));
        Some(Description {
            kind,
            id: r.id().0.clone(),
            name: r.name().to_owned(),
            aliases: r.aliases().to_vec(),
            summary: r.summary().to_owned(),
            fields,
            attributes: r
                .attributes()
                .iter()
                .map(|a| Field {
                    label: a.name().to_owned(),
                    value: a.value().to_owned(),
                })
                .collect(),
            links,
            claims: r.claims().iter().map(|c| self.claim_line(c)).collect(),
            notes,
            sources: r.sources().iter().map(|s| self.source_line(s)).collect(),
        })
    }

    /// "team-layer (replaces the bundled record)", for a dataset loaded with layers.
    pub fn layer_line(&self, kind: Kind, id: &str) -> Option<String> {
        let (layer, replaced) = self.layer_of(kind, id)?;
        Some(match replaced {
            Some(r) if r.dir.is_none() => format!("{} (replaces the bundled record)", layer.name),
            Some(r) => format!("{} (replaces the record of layer {})", layer.name, r.name),
            None => layer.name.clone(),
        })
    }
}
