"""Articles, search, health and docs endpoints."""

from urllib.parse import quote

import httpx


def test_article_by_any_spelling(client: httpx.Client) -> None:
    body = client.get("/v1/articles/劳动合同法/82").json()
    assert body["label"] == "第八十二条" and "二倍的工资" in body["text"]
    assert body["validity"] == "现行有效" and body["version_date"] == "2012-12-28" and body["in_force"]
    assert body["url"] == f"/v1/articles/{quote('劳动合同法')}/82"
    for law, article in (("中华人民共和国劳动合同法", "第八十二条"), ("《劳动合同法》", "八十二")):
        assert client.get(f"/v1/articles/{law}/{article}").json()["id"] == body["id"]
    criminal = client.get("/v1/articles/刑法/276之一").json()
    assert criminal["sub"] == 1 and "劳动报酬" in criminal["text"]
    assert client.get("/v1/articles/刑法/276", params={"sub": 1}).json()["id"] == criminal["id"]


def test_article_by_alias_as_search_accepts_it(client: httpx.Client) -> None:
    # 工伤条例 is how workers and search name 工伤保险条例 (corpus/aliases.toml).
    body = client.get("/v1/articles/工伤条例/14").json()
    assert body["law"] == "工伤保险条例" and body["label"] == "第十四条"
    assert client.get("/v1/articles/工伤保险条例/第十四条").json()["id"] == body["id"]
    unknown = client.get("/v1/articles/火星条例/14")
    assert unknown.status_code == 404 and unknown.json()["code"] == "law_not_found"
    assert "火星条例" in unknown.json()["message"]


def test_article_never_resolves_to_a_law_whose_name_contains_the_one_asked(client: httpx.Client) -> None:
    # 保险法 (the Insurance Law) is not in the store; 社会保险法 merely contains its name.
    insurance = client.get("/v1/articles/保险法/27")
    assert insurance.status_code == 404 and insurance.json()["code"] == "law_not_found"
    assert "保险法" in insurance.json()["message"]
    assert client.get("/v1/articles/劳动法/44").json()["title"] == "中华人民共和国劳动法"
    assert client.get("/v1/articles/劳动合同法/44").json()["title"] == "中华人民共和国劳动合同法"
    assert client.get("/v1/articles/工会法/3").json()["law"] == "工会法"
    assert client.get("/v1/articles/合同法/44").status_code == 404


def test_search_ranks_with_scores_and_reasons(client: httpx.Client) -> None:
    body = client.get("/v1/search", params={"q": "劳动合同法第八十二条", "k": 3}).json()
    assert body["direct_refs"] == ["《劳动合同法》第八十二条"] and body["laws_mentioned"] == ["劳动合同法"]
    first = body["hits"][0]
    assert first["rank"] == 1 and first["article"]["label"] == "第八十二条" and first["reasons"]
    assert len(body["hits"]) == 3 and body["hits"][0]["score"] >= body["hits"][1]["score"]
    topical = client.get("/v1/search", params={"q": "加班费怎么算"}).json()
    assert "加班与加班费" in topical["topics"] and len(topical["hits"]) == 10


def test_health_readiness_and_docs(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["units"] > 1000 and ready["answer_mode"] == "offline"
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/v1/chat",
        "/v1/chat/stream",
        "/v1/conversations/{conversation_id}",
        "/v1/articles/{law}/{article}",
        "/v1/search",
        "/healthz",
        "/readyz",
    ):
        assert path in paths, path
    assert "text/event-stream" in paths["/v1/chat/stream"]["post"]["responses"]["200"]["content"]


def test_an_article_carries_the_document_number_its_file_gives(client: httpx.Client) -> None:
    # A lawyer finds a regulation or a ministry's notice by its 文号; a law whose file gives none has "".
    assert client.get("/v1/articles/工伤保险条例/14").json()["document_number"] == "国务院令第375号"
    assert (
        client.get("/v1/articles/工伤认定办法/5").json()["document_number"] == "人力资源和社会保障部令第8号"
    )
    assert client.get("/v1/articles/劳动合同法/82").json()["document_number"] == ""
