import { defineConfig } from 'vitest/config';
import { tollgateVitestConfig } from '../../vitest.shared.js';

export default defineConfig(tollgateVitestConfig());
