/** The models the hf-inference simulator serves, with the facts each pipeline needs to answer like the model. */

/** The pipeline a model runs, as its Hub `pipeline_tag` names it. */
export type HfPipelineTask =
  | 'text-generation'
  | 'sentence-similarity'
  | 'text-classification'
  | 'token-classification'
  | 'zero-shot-classification'
  | 'fill-mask'
  | 'summarization'
  | 'translation'
  | 'question-answering'
  | 'table-question-answering'
  | 'image-classification'
  | 'object-detection'
  | 'image-segmentation'
  | 'image-to-text'
  | 'text-to-image'
  | 'automatic-speech-recognition'
  | 'audio-classification'
  | 'zero-shot-image-classification';

export interface HfSimulatedModel {
  readonly id: string;
  readonly task: HfPipelineTask;
  /** What `x-compute-type` says; hf-inference runs most pipelines on CPU and diffusion and LLMs on GPU. */
  readonly hardware: 'cpu' | 'gpu';
  /** Classifier labels, in the model's `id2label` order. */
  readonly labels?: readonly string[];
  /** For sentiment classifiers: the polarity of each label (1 positive, -1 negative, 0 neutral). */
  readonly polarity?: Readonly<Record<string, number>>;
  /** Embedding size of a sentence-transformers model. */
  readonly dimension?: number;
  readonly maskToken?: string;
  /** Semantic segmentation gives no score per segment (`score: null`). */
  readonly semantic?: boolean;
  /** Chat models: the context length the models list reports. */
  readonly contextLength?: number;
  /** Not loaded when the simulator starts: the first calls get the cold-model 503 until it has loaded. */
  readonly cold?: boolean;
}

const IMAGENET_LABELS = [
  'tabby, tabby cat',
  'Egyptian cat',
  'golden retriever',
  'Labrador retriever',
  'cheetah, chetah, Acinonyx jubatus',
  'lighthouse, beacon, light, pharos',
  'seashore, coast, seacoast, sea-coast',
  'sports car, sport car',
  'espresso',
  'daisy',
];

const COCO_LABELS = ['person', 'cat', 'dog', 'car', 'bicycle', 'bird', 'chair', 'couch', 'remote', 'cup'];

const CLOTHES_LABELS = [
  'Background',
  'Hat',
  'Hair',
  'Sunglasses',
  'Upper-clothes',
  'Skirt',
  'Pants',
  'Dress',
  'Belt',
  'Left-shoe',
  'Right-shoe',
  'Face',
  'Left-leg',
  'Right-leg',
  'Left-arm',
  'Right-arm',
  'Bag',
  'Scarf',
];

/**
 * Every model the plugin maps, with its real facts (embedding sizes, label sets, mask tokens), and
 * `google-t5/t5-large`, which starts cold so tests can exercise the loading 503.
 */
export const HF_INFERENCE_CATALOG: readonly HfSimulatedModel[] = [
  { id: 'HuggingFaceTB/SmolLM3-3B', task: 'text-generation', hardware: 'gpu', contextLength: 65_536 },
  {
    id: 'sentence-transformers/all-MiniLM-L6-v2',
    task: 'sentence-similarity',
    hardware: 'cpu',
    dimension: 384,
  },
  {
    id: 'sentence-transformers/all-mpnet-base-v2',
    task: 'sentence-similarity',
    hardware: 'cpu',
    dimension: 768,
  },
  {
    id: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english',
    task: 'text-classification',
    hardware: 'cpu',
    labels: ['NEGATIVE', 'POSITIVE'],
    polarity: { NEGATIVE: -1, POSITIVE: 1 },
  },
  {
    id: 'cardiffnlp/twitter-roberta-base-sentiment-latest',
    task: 'text-classification',
    hardware: 'cpu',
    labels: ['negative', 'neutral', 'positive'],
    polarity: { negative: -1, neutral: 0, positive: 1 },
  },
  {
    id: 'ProsusAI/finbert',
    task: 'text-classification',
    hardware: 'cpu',
    labels: ['positive', 'negative', 'neutral'],
    polarity: { positive: 1, negative: -1, neutral: 0 },
  },
  {
    id: 'dslim/bert-base-NER',
    task: 'token-classification',
    hardware: 'cpu',
    labels: ['PER', 'ORG', 'LOC', 'MISC'],
  },
  { id: 'facebook/bart-large-mnli', task: 'zero-shot-classification', hardware: 'cpu' },
  { id: 'google-bert/bert-base-uncased', task: 'fill-mask', hardware: 'cpu', maskToken: '[MASK]' },
  { id: 'facebook/bart-large-cnn', task: 'summarization', hardware: 'cpu' },
  { id: 'google-t5/t5-base', task: 'translation', hardware: 'cpu' },
  { id: 'google-t5/t5-large', task: 'translation', hardware: 'cpu', cold: true },
  { id: 'deepset/roberta-base-squad2', task: 'question-answering', hardware: 'cpu' },
  { id: 'distilbert/distilbert-base-cased-distilled-squad', task: 'question-answering', hardware: 'cpu' },
  { id: 'google/tapas-base-finetuned-wtq', task: 'table-question-answering', hardware: 'cpu' },
  {
    id: 'google/vit-base-patch16-224',
    task: 'image-classification',
    hardware: 'cpu',
    labels: IMAGENET_LABELS,
  },
  {
    id: 'Falconsai/nsfw_image_detection',
    task: 'image-classification',
    hardware: 'cpu',
    labels: ['normal', 'nsfw'],
  },
  { id: 'facebook/detr-resnet-50', task: 'object-detection', hardware: 'cpu', labels: COCO_LABELS },
  {
    id: 'mattmdjaga/segformer_b2_clothes',
    task: 'image-segmentation',
    hardware: 'cpu',
    labels: CLOTHES_LABELS,
    semantic: true,
  },
  { id: 'Salesforce/blip-image-captioning-large', task: 'image-to-text', hardware: 'cpu' },
  { id: 'black-forest-labs/FLUX.1-schnell', task: 'text-to-image', hardware: 'gpu' },
  { id: 'stabilityai/stable-diffusion-xl-base-1.0', task: 'text-to-image', hardware: 'gpu' },
  { id: 'openai/whisper-large-v3', task: 'automatic-speech-recognition', hardware: 'gpu' },
  { id: 'openai/whisper-large-v3-turbo', task: 'automatic-speech-recognition', hardware: 'gpu' },
  {
    id: 'ehcalabres/wav2vec2-lg-xlsr-en-speech-emotion-recognition',
    task: 'audio-classification',
    hardware: 'cpu',
    labels: ['angry', 'calm', 'disgust', 'fearful', 'happy', 'neutral', 'sad', 'surprised'],
  },
  { id: 'openai/clip-vit-large-patch14', task: 'zero-shot-image-classification', hardware: 'cpu' },
];

/**
 * The catalog entry for `id`, or undefined for a model the simulated hf-inference does not serve.
 *
 * @example
 * findHfModel('sentence-transformers/all-MiniLM-L6-v2')?.dimension; // 384
 */
export function findHfModel(id: string): HfSimulatedModel | undefined {
  return HF_INFERENCE_CATALOG.find((model) => model.id === id);
}
