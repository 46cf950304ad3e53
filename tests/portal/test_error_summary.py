import pytest
from django import forms

from portal.templatetags.kern import kern_summary_line


class Form(forms.Form):
    sentence = forms.BooleanField(label="Ich willige ein.")
    question = forms.CharField(label="Wer sind Sie?")
    colon = forms.CharField(label="Ihre Anschrift:")
    plain = forms.CharField(label="Name")
    arabic = forms.CharField(label="من أنتم؟")


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("sentence", "Ich willige ein: Fehlt."),
        ("question", "Wer sind Sie? Fehlt."),
        ("colon", "Ihre Anschrift: Fehlt."),
        ("plain", "Name: Fehlt."),
        ("arabic", "من أنتم؟ Fehlt."),
    ],
)
def test_a_summary_line_joins_label_and_error_without_doubled_punctuation(name, line):
    assert kern_summary_line(Form()[name], "Fehlt.") == line


def test_a_summary_line_escapes_the_label_and_the_error():
    form = Form()
    form.fields["plain"].label = "<b>Name</b>"

    assert (
        kern_summary_line(form["plain"], "<i>x</i>")
        == "&lt;b&gt;Name&lt;/b&gt;: &lt;i&gt;x&lt;/i&gt;"
    )
