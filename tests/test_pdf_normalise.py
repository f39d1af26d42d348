from analysis.report.pdf import normalise


def test_dates_and_element_ids_are_normalised_at_equal_length():
    first = b"<</CreationDate (D:20261125011400+00'00') /ModDate (D:20261125011401+00'00')>> /ID (node00000238) /K (node00000240) /P (node00000238)"
    second = b"<</CreationDate (D:20261125021500+00'00') /ModDate (D:20261125021502+00'00')>> /ID (node00000239) /K (node00000241) /P (node00000239)"
    assert normalise(first) == normalise(second)
    assert len(normalise(first)) == len(first)
    assert b"(node00000000)" in normalise(first) and b"(node00000001)" in normalise(first)
