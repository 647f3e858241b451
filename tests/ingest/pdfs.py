"""PDF fixtures made in the test run (reportlab's built-in STSong-Light CID font round-trips through pypdf)."""

from __future__ import annotations

from pathlib import Path


def make_chinese_pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("STSong-Light", 11)
    y = 800
    for line in lines:
        pdf.drawString(50, y, line)
        y -= 18
        if y < 60:
            pdf.showPage()
            pdf.setFont("STSong-Light", 11)
            y = 800
    pdf.save()
    return path


def make_scanned_pdf(path: Path) -> Path:
    """A page with only shapes, like a scan without a text layer."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()
    return path


def encrypt_pdf(source: Path, target: Path, password: str = "secret") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password)
    with open(target, "wb") as handle:
        writer.write(handle)
    return target


REGULATION_LINES = [
    "某市新就业形态劳动者权益保障办法",
    "2024年5月1日 某市人民政府公布",
    "第一章 总则",
    "第一条 为了保障外卖骑手等新就业形态劳动者的合法权益，制定本办法。",
    "第二条 平台企业应当按时足额向骑手支付劳动报酬，不得克扣或者无故拖欠。",
    "依照本办法第二条的规定，",
    "违反者由人力资源社会保障部门责令改正。",
    "第三条 骑手在配送途中受到交通事故伤害的，平台企业应当协助其申请职业伤害保障。",
    "第二章 附则",
    "第四条 本办法自2024年6月1日起施行。",
]
