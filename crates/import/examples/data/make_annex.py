"""Writes annex-50-pages.pdf, the PDF the import benchmark reads: a 50-page DPA with clauses
and a subprocessor annex that runs over several pages. Needs reportlab (pip). Run here:
    python3 make_annex.py
"""

import os

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTRIES = ["Germany", "United States", "Ireland", "France", "Poland", "United Kingdom", "Netherlands"]
MECHANISMS = ["not required (EEA)", "Standard Contractual Clauses", "Data Privacy Framework", "adequacy decision"]
SERVICES = ["Hosting", "E-mail delivery", "Customer support", "Payment processing", "Analytics", "Backups"]
CLAUSE = (
    "The Processor shall process Personal Data only on documented instructions from the Controller, "
    "including with regard to transfers of Personal Data to a third country, unless required to do so "
    "by Union or Member State law to which the Processor is subject. The Processor shall ensure that "
    "persons authorised to process the Personal Data have committed themselves to confidentiality. "
)


def main():
    styles = getSampleStyleSheet()
    story = []
    for clause in range(1, 40):
        story.append(Paragraph(f"Clause {clause}. Obligations of the Processor", styles["Heading2"]))
        for _ in range(5):
            story.append(Paragraph(CLAUSE * 2, styles["BodyText"]))
            story.append(Spacer(1, 6))
        story.append(PageBreak())
    story.append(Paragraph("Annex 3: Subprocessors", styles["Heading1"]))
    rows = [["Subprocessor", "Address", "Country", "Service", "Transfer mechanism"]]
    for i in range(1, 401):
        country = COUNTRIES[i % len(COUNTRIES)]
        rows.append([
            f"Example Services {i} GmbH",
            f"Hauptstrasse {i}, 10115 Berlin",
            country,
            SERVICES[i % len(SERVICES)],
            MECHANISMS[i % len(MECHANISMS)],
        ])
    story.append(Table(rows, repeatRows=1))
    SimpleDocTemplate(os.path.join(HERE, "annex-50-pages.pdf"), pagesize=A4).build(story)


if __name__ == "__main__":
    main()
