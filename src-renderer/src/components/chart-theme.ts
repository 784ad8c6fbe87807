// Chart.js draws on a canvas and cannot read CSS variables: give it the theme's text and grid colours,
// recomputed when the theme switches so axes and legends stay readable in dark mode.
import { computed } from 'vue';
import { useUiStore } from '../stores/ui';

export function useChartColors() {
  const ui = useUiStore();
  return computed(() =>
    ui.theme === 'dark' ? { text: '#c6c6c6', grid: '#393939' } : { text: '#525252', grid: '#e0e0e0' },
  );
}
