"""policy.ttl and shapes.ttl parse, and the vocabulary matches ontology.terms."""

from __future__ import annotations

from importlib import resources

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH

from ontology.terms import PKG


@pytest.fixture(scope="module")
def ontology() -> Graph:
    text = resources.files("ontology").joinpath("policy.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def _declared(graph: Graph) -> set[str]:
    prefix = str(PKG._NS)
    return {str(s).removeprefix(prefix) for s in graph.subjects(RDF.type) if str(s).startswith(prefix)}


def test_every_term_is_declared_and_every_declaration_is_a_term(ontology: Graph) -> None:
    assert _declared(ontology) == set(PKG.__annotations__)


@pytest.mark.parametrize("term", sorted(PKG.__annotations__))
def test_term_has_labels_in_vietnamese_and_english_and_a_comment(ontology: Graph, term: str) -> None:
    iri = PKG[term]
    languages = {label.language for label in ontology.objects(iri, RDFS.label) if isinstance(label, Literal)}
    assert {"vi", "en"} <= languages
    assert (iri, RDFS.comment, None) in ontology


@pytest.mark.parametrize(
    ("term", "relation", "aligned"),
    [
        (PKG.implements, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#ensures_implementation_of"),
        (PKG.amends, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#amends"),
        (PKG.repeals, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#repeals"),
        (PKG.replaces, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#changes"),
        (PKG.basedOn, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#based_on"),
        (PKG.cites, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#cites"),
        (PKG.issuedBy, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#passed_by"),
        (PKG.jurisdiction, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#jurisdiction"),
        (PKG.Document, RDFS.subClassOf, "http://data.europa.eu/eli/ontology#LegalResource"),
        (PKG.Document, RDFS.subClassOf, "https://schema.org/Legislation"),
        (PKG.Agency, RDFS.subClassOf, "http://www.w3.org/ns/org#Organization"),
        (PKG.subOrganizationOf, RDFS.subPropertyOf, "http://www.w3.org/ns/org#subOrganizationOf"),
        (PKG.Task, RDFS.subClassOf, "http://www.w3.org/ns/odrl/2/Duty"),
        (PKG.Task, RDFS.subClassOf, "https://schema.org/Action"),
        (PKG.assigns, RDFS.subPropertyOf, "http://www.w3.org/ns/odrl/2/obligation"),
        (PKG.assignee, RDFS.subPropertyOf, "http://www.w3.org/ns/odrl/2/assignee"),
        (PKG.assignee, RDFS.subPropertyOf, "https://schema.org/agent"),
        (PKG.partner, RDFS.subPropertyOf, "https://schema.org/participant"),
        (PKG.reportsTo, RDFS.subPropertyOf, "https://schema.org/recipient"),
        (PKG.Deadline, RDFS.subClassOf, "https://schema.org/Schedule"),
        (PKG.Target, RDFS.subClassOf, "https://schema.org/QuantitativeValue"),
        (PKG.quotedFrom, RDFS.subPropertyOf, "http://www.w3.org/ns/prov#wasDerivedFrom"),
    ],
)
def test_alignments(ontology: Graph, term: URIRef, relation: URIRef, aligned: str) -> None:
    assert (term, relation, URIRef(aligned)) in ontology


def test_document_subclasses(ontology: Graph) -> None:
    subclasses = set(ontology.subjects(RDFS.subClassOf, PKG.Document))
    assert {PKG.Directive, PKG.Resolution, PKG.Plan, PKG.Decision, PKG.Law, PKG.Mention} <= subclasses
    assert all((c, RDF.type, OWL.Class) in ontology for c in subclasses)


def test_shapes_parse_and_target_the_vocabulary() -> None:
    text = resources.files("ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    shapes = Graph().parse(data=text, format="turtle")
    targets = set(shapes.objects(None, SH.targetClass))
    assert {PKG.Document, PKG.Task, PKG.Agency, PKG.Evidence, PKG.Target} <= targets
