/** Hugging Face models hf-inference serves, per task; the provider model id is the Hub id itself. */
import type { ModelMappingV1, TaskId } from '@tollgate/provider-spec';

const live = (task: TaskId, ...hfModelIds: string[]): ModelMappingV1[] =>
  hfModelIds.map((hfModelId) => ({ hfModelId, providerModelId: hfModelId, task, status: 'live' }));

/**
 * Popular models per task, from the models Hugging Face's task pages and provider page show for
 * hf-inference (`docs/inference-providers/tasks/*.md`, `providers/hf-inference.md`). hf-inference has no
 * model ids of its own: the mapping is the identity. A sentence-transformers model serves both
 * `feature-extraction` and `sentence-similarity`, so it is mapped once per task.
 */
export const hfInferenceModels: readonly ModelMappingV1[] = [
  ...live('conversational', 'HuggingFaceTB/SmolLM3-3B'),
  ...live('text-generation', 'HuggingFaceTB/SmolLM3-3B'),
  ...live(
    'feature-extraction',
    'sentence-transformers/all-MiniLM-L6-v2',
    'sentence-transformers/all-mpnet-base-v2',
  ),
  ...live(
    'sentence-similarity',
    'sentence-transformers/all-MiniLM-L6-v2',
    'sentence-transformers/all-mpnet-base-v2',
  ),
  ...live(
    'text-classification',
    'distilbert/distilbert-base-uncased-finetuned-sst-2-english',
    'cardiffnlp/twitter-roberta-base-sentiment-latest',
    'ProsusAI/finbert',
  ),
  ...live('token-classification', 'dslim/bert-base-NER'),
  ...live('zero-shot-classification', 'facebook/bart-large-mnli'),
  ...live('fill-mask', 'google-bert/bert-base-uncased'),
  ...live('summarization', 'facebook/bart-large-cnn'),
  ...live('translation', 'google-t5/t5-base'),
  ...live(
    'question-answering',
    'deepset/roberta-base-squad2',
    'distilbert/distilbert-base-cased-distilled-squad',
  ),
  ...live('table-question-answering', 'google/tapas-base-finetuned-wtq'),
  ...live('image-classification', 'google/vit-base-patch16-224', 'Falconsai/nsfw_image_detection'),
  ...live('object-detection', 'facebook/detr-resnet-50'),
  ...live('image-segmentation', 'mattmdjaga/segformer_b2_clothes'),
  ...live('image-to-text', 'Salesforce/blip-image-captioning-large'),
  ...live('text-to-image', 'black-forest-labs/FLUX.1-schnell', 'stabilityai/stable-diffusion-xl-base-1.0'),
  ...live('automatic-speech-recognition', 'openai/whisper-large-v3', 'openai/whisper-large-v3-turbo'),
  ...live('audio-classification', 'ehcalabres/wav2vec2-lg-xlsr-en-speech-emotion-recognition'),
  ...live('zero-shot-image-classification', 'openai/clip-vit-large-patch14'),
];
