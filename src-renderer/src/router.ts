import { createRouter, createWebHashHistory } from 'vue-router';
import CatalogView from './views/CatalogView.vue';
import CompareView from './views/CompareView.vue';
import EditionsView from './views/EditionsView.vue';
import ModelView from './views/ModelView.vue';
import WizardView from './views/WizardView.vue';

// Hash history: the app loads from file:// in Electron, where path routes cannot be served.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/plan' },
    { path: '/plan', name: 'plan', component: WizardView },
    { path: '/catalog', name: 'catalog', component: CatalogView },
    { path: '/catalog/:id', name: 'model', component: ModelView, props: true },
    { path: '/compare', name: 'compare', component: CompareView },
    { path: '/editions', name: 'editions', component: EditionsView },
  ],
});
